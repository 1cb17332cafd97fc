// Loaded with `node --import` into the CLI under test when a real small
// file system (tmpfs) cannot be mounted: makes the file system behave like a
// full or busy one, through the same calls the CLI makes. The CLI itself
// knows nothing of it.
//
// SIMULATED_DISK_FREE_BYTES=n      statfsSync reports n bytes free
// SIMULATED_DISK_FULL_AFTER=n      writeSync fails with ENOSPC once n bytes are written
// SIMULATED_DISK_BUSY=path         renameSync onto path fails with EBUSY (a mount point)
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

function systemError(code, description, syscall, path) {
  const error = new Error(`${code}: ${description}, ${syscall}${path ? ` '${path}'` : ''}`);
  return Object.assign(error, { code, syscall, ...(path ? { path } : {}) });
}

const free = process.env.SIMULATED_DISK_FREE_BYTES;
if (free !== undefined) {
  const statfsSync = fs.statfsSync;
  fs.statfsSync = (path, options) => ({
    ...statfsSync(path, options),
    bsize: 1,
    bavail: Number(free),
  });
}

const fullAfter = process.env.SIMULATED_DISK_FULL_AFTER;
if (fullAfter !== undefined) {
  let written = 0;
  const writeSync = fs.writeSync;
  fs.writeSync = (fd, buffer, ...rest) => {
    const length = typeof buffer === 'string' ? Buffer.byteLength(buffer) : buffer.byteLength;
    if (written + length > Number(fullAfter)) {
      throw systemError('ENOSPC', 'no space left on device', 'write');
    }
    written += length;
    return writeSync(fd, buffer, ...rest);
  };
}

const busy = process.env.SIMULATED_DISK_BUSY;
if (busy !== undefined) {
  const renameSync = fs.renameSync;
  fs.renameSync = (from, to) => {
    if (resolve(String(to)) === resolve(busy)) {
      throw systemError('EBUSY', 'resource busy or locked', 'rename', String(from));
    }
    return renameSync(from, to);
  };
}

syncBuiltinESMExports();
