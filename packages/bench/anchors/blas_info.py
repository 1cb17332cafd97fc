"""Which BLAS a PyTorch process runs its matrix products on, and on how many threads: the
size table's anchor (size_table.py) and the bench's `pytorch-threads` line ask the same way.
Call them after a matrix product, once the BLAS library is loaded."""
import ctypes, os


def loaded_blas():
    """The resolved paths of the BLAS/LAPACK libraries mapped into this process."""
    names = ('blas', 'lapack', 'mkl')
    found = set()
    with open('/proc/self/maps') as maps:
        for line in maps:
            fields = line.split()
            if len(fields) >= 6 and any(name in os.path.basename(fields[-1]).lower() for name in names):
                found.add(os.path.realpath(fields[-1]))
    return sorted(found)


def blas_threads(libraries):
    """The thread pool of the BLAS in `libraries` (OpenBLAS, MKL or BLIS, asked through its own
    C API); 1 for the netlib reference BLAS (it has none); None when none of them answers."""
    queries = (('openblas', 'openblas_get_num_threads'), ('mkl', 'mkl_get_max_threads'),
               ('blis', 'bli_thread_get_num_threads'))
    for path in libraries:
        name = os.path.basename(path).lower()
        for marker, function in queries:
            if marker in name:
                try:
                    return int(getattr(ctypes.CDLL(path), function)())
                except (OSError, AttributeError):
                    pass
    if any('/blas/' in path for path in libraries):
        return 1
    return None
