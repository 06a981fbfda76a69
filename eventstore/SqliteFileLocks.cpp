#include "eventstore/SqliteFileLocks.h"

#include <QtGlobal>

#include <sqlite3.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <mutex>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hoststand::SqliteFileLocks {
namespace {

#if defined(F_OFD_SETLK) && defined(F_OFD_SETLKW) && defined(F_OFD_GETLK)
constexpr bool HaveOfdLocks = true;
constexpr int OfdSetLock = F_OFD_SETLK;
constexpr int OfdSetLockWait = F_OFD_SETLKW;
constexpr int OfdGetLock = F_OFD_GETLK;
#else
constexpr bool HaveOfdLocks = false;
constexpr int OfdSetLock = F_SETLK;
constexpr int OfdSetLockWait = F_SETLKW;
constexpr int OfdGetLock = F_GETLK;
#endif

using OpenCall = int (*)(const char *, int, int);
using CloseCall = int (*)(int);
using FcntlCall = int (*)(int, int, ...);

struct FileKey
{
    dev_t device = 0;
    ino_t inode = 0;
    auto operator<=>(const FileKey &) const = default;
};

// One file as SQLite's unix VFS sees it in this process: the descriptors
// SQLite has open on it, and the open file description of our own that
// holds the locks SQLite asked for on any of them.
struct LockedFile
{
    int sqliteDescriptors = 0;
    int lockDescriptor = -1; // opened at the first lock request
};

class Registry final
{
public:
    OpenCall open = nullptr;
    CloseCall close = nullptr;
    FcntlCall fcntl = nullptr;

    void opened(int fd);
    void closing(int fd);
    // The descriptor that holds fd's file's locks; -1 with errno set.
    int lockDescriptorFor(int fd);

private:
    // Called with m_mutex held.
    std::map<FileKey, LockedFile>::iterator fileOf(int fd);

    std::mutex m_mutex;
    std::map<int, FileKey> m_descriptors; // SQLite's open descriptors
    std::map<FileKey, LockedFile> m_files;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

std::map<FileKey, LockedFile>::iterator Registry::fileOf(int fd)
{
    if (auto known = m_descriptors.find(fd); known != m_descriptors.end())
        return m_files.find(known->second);
    struct stat status;
    if (::fstat(fd, &status) != 0)
        return m_files.end();
    const FileKey key {status.st_dev, status.st_ino};
    m_descriptors.emplace(fd, key);
    auto file = m_files.try_emplace(key).first;
    ++file->second.sqliteDescriptors;
    return file;
}

void Registry::opened(int fd)
{
    closing(fd); // a number SQLite's close never reached (none should) is new now
    const std::lock_guard lock(m_mutex);
    (void)fileOf(fd);
}

// SQLite closes a descriptor only when this process holds no lock of that
// file through another one (it keeps them open until then), or for the
// shared-memory file, whose one descriptor carries its locks; a POSIX close
// then dropped the process's locks, and closing our description does now.
void Registry::closing(int fd)
{
    const std::lock_guard lock(m_mutex);
    auto known = m_descriptors.find(fd);
    if (known == m_descriptors.end())
        return;
    auto file = m_files.find(known->second);
    m_descriptors.erase(known);
    if (file == m_files.end() || --file->second.sqliteDescriptors > 0)
        return;
    if (file->second.lockDescriptor >= 0)
        ::close(file->second.lockDescriptor);
    m_files.erase(file);
}

// A description of our own, opened read-write where the file allows it, so
// that it can hold write locks for any connection of the process; a file
// this user can only read gets a read-only one (no connection writes it).
int Registry::lockDescriptorFor(int fd)
{
    const std::lock_guard lock(m_mutex);
    auto file = fileOf(fd);
    if (file == m_files.end())
        return -1; // fstat set errno
    int &descriptor = file->second.lockDescriptor;
    if (descriptor < 0) {
        char path[48];
        std::snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        int opened = ::open(path, O_RDWR | O_CLOEXEC | O_NOCTTY);
        if (opened < 0)
            opened = ::open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
        // Never 0, 1 or 2: a stray write to standard error would land in
        // the database (SQLite keeps its own files above them for that).
        if (opened >= 0 && opened <= 2) {
            const int moved = ::fcntl(opened, F_DUPFD_CLOEXEC, 3);
            ::close(opened);
            opened = moved;
        }
        descriptor = opened;
    }
    return descriptor;
}

int trackingOpen(const char *path, int flags, int mode)
{
    const int fd = registry().open(path, flags, mode);
    if (fd >= 0)
        registry().opened(fd);
    return fd;
}

int trackingClose(int fd)
{
    registry().closing(fd);
    return registry().close(fd);
}

// SQLite passes a struct flock for the lock commands and an int for the
// others (F_GETFD, F_SETFD).
int lockingFcntl(int fd, int command, ...)
{
    va_list arguments;
    va_start(arguments, command);
    if (command != F_SETLK && command != F_SETLKW && command != F_GETLK) {
        const int argument = va_arg(arguments, int);
        va_end(arguments);
        return registry().fcntl(fd, command, argument);
    }
    auto *request = va_arg(arguments, struct flock *);
    va_end(arguments);
    const int descriptor = registry().lockDescriptorFor(fd);
    if (descriptor < 0)
        return -1;
    struct flock lock = *request;
    lock.l_pid = 0; // required of open-file-description locks
    const int ofdCommand = command == F_SETLK ? OfdSetLock
        : command == F_SETLKW                 ? OfdSetLockWait
                                              : OfdGetLock;
    const int rc = registry().fcntl(descriptor, ofdCommand, &lock);
    if (rc == 0 && command == F_GETLK)
        *request = lock; // l_pid is -1 when the holder is a description
    return rc;
}

// Old kernels (before 3.15) refuse the commands with EINVAL; a file's own
// description is reopened through /proc.
bool kernelHasOfdLocks()
{
    if (!HaveOfdLocks || ::access("/proc/self/fd", F_OK) != 0)
        return false;
    const int fd = ::memfd_create("hoststand-lock-probe", MFD_CLOEXEC);
    if (fd < 0)
        return false;
    struct flock lock
    {
    };
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_len = 1;
    const bool works = ::fcntl(fd, OfdGetLock, &lock) == 0;
    ::close(fd);
    return works;
}

bool replaceSystemCalls()
{
    if (!kernelHasOfdLocks() || sqlite3_initialize() != SQLITE_OK)
        return false;
    sqlite3_vfs *vfs = sqlite3_vfs_find("unix");
    if (!vfs || vfs->iVersion < 3 || !vfs->xSetSystemCall || !vfs->xGetSystemCall)
        return false;
    Registry &calls = registry();
    calls.open = reinterpret_cast<OpenCall>(vfs->xGetSystemCall(vfs, "open"));
    calls.close = reinterpret_cast<CloseCall>(vfs->xGetSystemCall(vfs, "close"));
    calls.fcntl = reinterpret_cast<FcntlCall>(vfs->xGetSystemCall(vfs, "fcntl"));
    if (!calls.open || !calls.close || !calls.fcntl)
        return false;
    // Every unix VFS (unix, unix-excl, unix-none...) shares these calls.
    return vfs->xSetSystemCall(vfs, "open", reinterpret_cast<sqlite3_syscall_ptr>(&trackingOpen))
        == SQLITE_OK
        && vfs->xSetSystemCall(vfs, "close", reinterpret_cast<sqlite3_syscall_ptr>(&trackingClose))
        == SQLITE_OK
        && vfs->xSetSystemCall(vfs, "fcntl", reinterpret_cast<sqlite3_syscall_ptr>(&lockingFcntl))
        == SQLITE_OK;
}

} // namespace

bool install()
{
    static const bool installed = replaceSystemCalls();
    return installed;
}

namespace {

void installAtStart()
{
    install();
}

// Before main(), so that no SQLite file of the process is ever opened with
// plain POSIX locks (the two kinds would conflict within the process).
Q_CONSTRUCTOR_FUNCTION(installAtStart)

} // namespace
} // namespace hoststand::SqliteFileLocks
