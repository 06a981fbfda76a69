#pragma once

namespace hoststand::SqliteFileLocks {

// SQLite's unix VFS locks its files with POSIX record locks, which belong
// to the process: closing any descriptor of a file drops every lock the
// process holds on it, so a file dialog that peeks at the store or a header
// read with QFile silently made this process's hold on the store vanish,
// and another process then checkpointed and deleted the log it was still
// writing to ("How To Corrupt An SQLite Database File", section 2.2).
//
// install() moves SQLite's locks of each file onto one open file
// description kept here (Linux's open-file-description locks, which conflict
// with POSIX locks of other processes as those do with each other). Only
// SQLite's own close of its last descriptor of the file releases them, as a
// close did before; descriptors opened and closed by anything else in the
// process no longer touch them. SQLite's bookkeeping of the locks its
// connections share within the process stays exactly as it was.
//
// It runs once, before the first SQLite file is opened (every opener in
// Hoststand calls it); it returns false, and SQLite keeps POSIX locks, on a
// system without open-file-description locks.
bool install();

} // namespace hoststand::SqliteFileLocks
