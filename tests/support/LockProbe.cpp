// hoststand_lock_probe PATH: tells whether some process holds a SQLite
// store's locks, as another process sees them (the tests' own process would
// see only other processes' locks). It prints two words on one line:
//   database: "held" when a read lock covers SQLite's SHARED range of PATH
//             (every open WAL-mode connection keeps one), else "free";
//   index:    "held" when a read lock covers the dead-man's byte of
//             PATH-shm (every connection that maps the index keeps one),
//             else "free" ("missing" when there is no -shm file).
// Exit status 2 when PATH cannot be opened.

#include <cstdio>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace {

// os_unix.c: the SHARED range follows the PENDING and RESERVED bytes at
// 1 GiB; the index's dead-man's switch is the byte after its 8 lock bytes,
// which start at 120.
constexpr off_t SharedFirst = 0x40000000 + 2;
constexpr off_t SharedSize = 510;
constexpr off_t IndexDeadMansByte = 120 + 8;

const char *state(const char *path, off_t start, off_t length)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return nullptr;
    struct flock lock
    {
    };
    lock.l_type = F_WRLCK; // conflicts with any read or write lock
    lock.l_whence = SEEK_SET;
    lock.l_start = start;
    lock.l_len = length;
    const bool queried = ::fcntl(fd, F_GETLK, &lock) == 0;
    ::close(fd);
    if (!queried)
        return nullptr;
    return lock.l_type == F_UNLCK ? "free" : "held";
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s STORE\n", argv[0]);
        return 2;
    }
    const char *database = state(argv[1], SharedFirst, SharedSize);
    if (!database)
        return 2;
    const std::string index = std::string(argv[1]) + "-shm";
    const char *shm = state(index.c_str(), IndexDeadMansByte, 1);
    std::printf("%s %s\n", database, shm ? shm : "missing");
    return 0;
}
