import type { Locale } from './messages.js';

/** Every text of the "your data" panel (load, paste, draw), per language. */
export interface DataMessages {
  readonly title: string;
  readonly intro: string;
  readonly loadTitle: string;
  readonly editedSet: string;
  readonly sets: Readonly<Record<'train' | 'validation', string>>;
  readonly file: string;
  readonly fileHelp: string;
  readonly dropHere: string;
  readonly separator: string;
  readonly separators: Readonly<Record<'auto' | 'comma' | 'semicolon' | 'tab', string>>;
  readonly decimalComma: string;
  readonly header: string;
  readonly headers: Readonly<Record<'auto' | 'yes' | 'no', string>>;
  readonly columnsHelp: string;
  readonly xColumn: string;
  readonly yColumn: string;
  readonly paste: string;
  readonly pasteHelp: string;
  readonly pastePlaceholder: string;
  readonly usePaste: string;
  readonly drawHelp: string;
  readonly clear: string;
  readonly download: string;
  /** How many points each set has (`{train}`, `{validation}`) and where they came from (`{trainOrigin}`...). */
  readonly counts: string;
  /** Where a set's points came from, put after its count. */
  readonly origins: Readonly<Record<'file' | 'paste' | 'draw' | 'link' | 'example', string>>;
  readonly linkHolds: string;
  readonly linkLeavesOut: string;
  readonly linkLeftOut: string;
  readonly linkNoPoints: string;
  readonly pointsLabel: string;
  readonly pointsProblems: Readonly<Record<'encoding' | 'shape' | 'notFinite', string>>;
  readonly problemIntro: string;
  readonly fileTooLarge: string;
  readonly wrongFileType: string;
  readonly decimalCommaSeparator: string;
  readonly noPoints: string;
}

const en: DataMessages = {
  title: 'Your data',
  intro:
    'Train on your own points: draw them on the chart below, or load a file or paste values under the charts. Your data stay in this browser: nothing is uploaded.',
  loadTitle: 'Load or paste points',
  editedSet: 'Points to load, paste or draw',
  sets: { train: 'Training points', validation: 'Validation points' },
  file: 'Load a CSV or JSON file',
  fileHelp: 'Or drop the file on this panel. Up to {limit} MB; columns x and y.',
  dropHere: 'Drop the file to load it',
  separator: 'Separator',
  separators: { auto: 'detect', comma: 'comma ,', semicolon: 'semicolon ;', tab: 'tab' },
  decimalComma: 'Decimal comma (1,5 is one and a half)',
  header: 'First row',
  headers: { auto: 'detect', yes: 'column names', no: 'numbers' },
  columnsHelp: 'The file has more than two columns: choose x and y.',
  xColumn: 'x column',
  yColumn: 'y column',
  paste: 'Paste values',
  pasteHelp:
    'One point per line, x and y separated by a comma, semicolon or tab (a header line is allowed). The same reader as files; also the way to enter points from the keyboard.',
  pastePlaceholder: 'x,y\n-1,-0.9\n0,0.1\n1,1.05',
  usePaste: 'Use these values',
  drawHelp:
    'On the “Data and model” chart: click empty space to add a point, drag a point to move it, shift-click it (or press Delete after touching it) to remove it. The paste box under the charts is the keyboard’s way.',
  clear: 'Clear these points',
  download: 'Download these points (CSV)',
  counts:
    'Training points: {train}{trainOrigin}. Validation points: {validation}{validationOrigin}.',
  origins: {
    file: ' (from {name})',
    paste: ' (pasted)',
    draw: ' (drawn)',
    link: ' (from the link)',
    example: ' (an example on y = x: clear them to draw your own)',
  },
  linkHolds: 'The link holds these points (compressed).',
  linkLeavesOut:
    'These points are too many for a link: it carries the configuration only. Share the file too.',
  linkLeftOut:
    'This link carries the configuration only: its points were too many for a link. Load the data file to train.',
  linkNoPoints: 'No points yet: load a file, paste values or draw on the chart.',
  pointsLabel: 'Points',
  pointsProblems: {
    encoding: 'are not data this page wrote (not compressed base64url JSON)',
    shape: 'must be lists of x and y numbers of equal length',
    notFinite: 'must all be finite numbers',
  },
  problemIntro: 'Nothing was loaded: ',
  fileTooLarge: '{name} is {size} MB; the page reads files up to {limit} MB.',
  wrongFileType:
    '{name} is not a CSV or JSON file ({type}): choose a .csv, .tsv, .txt or .json file.',
  decimalCommaSeparator:
    'with a decimal comma, cells cannot be comma-separated: choose semicolon, tab or detect as the separator.',
  noPoints: 'No training points: load a file, paste values or draw on the chart.',
};

const es: DataMessages = {
  title: 'Tus datos',
  intro:
    'Entrena con tus propios puntos: dibújalos en la gráfica de abajo, o carga un archivo o pega valores bajo las gráficas. Tus datos se quedan en este navegador: no se sube nada.',
  loadTitle: 'Cargar o pegar puntos',
  editedSet: 'Puntos que cargar, pegar o dibujar',
  sets: { train: 'Puntos de entrenamiento', validation: 'Puntos de validación' },
  file: 'Cargar un archivo CSV o JSON',
  fileHelp: 'O suelta el archivo en este panel. Hasta {limit} MB; columnas x e y.',
  dropHere: 'Suelta el archivo para cargarlo',
  separator: 'Separador',
  separators: { auto: 'detectar', comma: 'coma ,', semicolon: 'punto y coma ;', tab: 'tabulador' },
  decimalComma: 'Coma decimal (1,5 es uno y medio)',
  header: 'Primera fila',
  headers: { auto: 'detectar', yes: 'nombres de columna', no: 'números' },
  columnsHelp: 'El archivo tiene más de dos columnas: elige x e y.',
  xColumn: 'Columna x',
  yColumn: 'Columna y',
  paste: 'Pegar valores',
  pasteHelp:
    'Un punto por línea, x e y separados por coma, punto y coma o tabulador (se admite una línea de cabecera). El mismo lector que los archivos; también la forma de introducir puntos con el teclado.',
  pastePlaceholder: 'x;y\n-1;-0,9\n0;0,1\n1;1,05',
  usePaste: 'Usar estos valores',
  drawHelp:
    'En la gráfica «Datos y modelo»: haz clic en un hueco para añadir un punto, arrastra un punto para moverlo, y haz mayúsculas+clic sobre él (o pulsa Supr tras tocarlo) para quitarlo. Con el teclado, usa el cuadro de pegar bajo las gráficas.',
  clear: 'Borrar estos puntos',
  download: 'Descargar estos puntos (CSV)',
  counts:
    'Puntos de entrenamiento: {train}{trainOrigin}. Puntos de validación: {validation}{validationOrigin}.',
  origins: {
    file: ' (de {name})',
    paste: ' (pegados)',
    draw: ' (dibujados)',
    link: ' (del enlace)',
    example: ' (un ejemplo sobre y = x: bórralos para dibujar los tuyos)',
  },
  linkHolds: 'El enlace lleva estos puntos (comprimidos).',
  linkLeavesOut:
    'Estos puntos son demasiados para un enlace: lleva solo la configuración. Comparte también el archivo.',
  linkLeftOut:
    'Este enlace lleva solo la configuración: sus puntos eran demasiados para un enlace. Carga el archivo de datos para entrenar.',
  linkNoPoints: 'Aún no hay puntos: carga un archivo, pega valores o dibuja en la gráfica.',
  pointsLabel: 'Puntos',
  pointsProblems: {
    encoding: 'no son datos escritos por esta página (no es JSON comprimido en base64url)',
    shape: 'deben ser listas de números x e y de la misma longitud',
    notFinite: 'deben ser todos números finitos',
  },
  problemIntro: 'No se ha cargado nada: ',
  fileTooLarge: '{name} ocupa {size} MB; la página lee archivos de hasta {limit} MB.',
  wrongFileType:
    '{name} no es un archivo CSV o JSON ({type}): elige un archivo .csv, .tsv, .txt o .json.',
  decimalCommaSeparator:
    'con coma decimal, las celdas no pueden ir separadas por comas: elige punto y coma, tabulador o detectar como separador.',
  noPoints:
    'No hay puntos de entrenamiento: carga un archivo, pega valores o dibuja en la gráfica.',
};

/** The data panel's texts by language. */
export const DATA_MESSAGES: Readonly<Record<Locale, DataMessages>> = { en, es };
