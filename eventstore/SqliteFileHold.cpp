#include "eventstore/SqliteFileHold.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace hoststand {

SqliteFileHold::SqliteFileHold(const QString &databasePath)
{
    const QString absolute = QFileInfo(databasePath).absoluteFilePath();
    m_paths = {QFile::encodeName(absolute), QFile::encodeName(absolute + u"-wal"_s),
               QFile::encodeName(absolute + u"-shm"_s)};
}

SqliteFileHold::Identity SqliteFileHold::identify(const QByteArray &path)
{
    struct stat status;
    if (::stat(path.constData(), &status) != 0)
        return {};
    return {true, status.st_dev, status.st_ino};
}

void SqliteFileHold::record()
{
    for (size_t i = 0; i < m_paths.size(); ++i)
        m_recorded[i] = identify(m_paths[i]);
    struct stat status;
    if (::stat(m_paths[0].constData(), &status) == 0) {
        m_size = status.st_size;
        m_modified = qint64(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec;
    }
}

bool SqliteFileHold::holdsDatabase() const
{
    return m_recorded[0].exists && identify(m_paths[0]) == m_recorded[0];
}

bool SqliteFileHold::databaseModified() const
{
    struct stat status;
    if (::stat(m_paths[0].constData(), &status) != 0)
        return true;
    return status.st_size != m_size
        || qint64(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec != m_modified;
}

bool SqliteFileHold::complete() const
{
    return std::all_of(m_recorded.begin(), m_recorded.end(),
                       [](const Identity &identity) { return identity.exists; });
}

std::optional<QString> SqliteFileHold::lost() const
{
    for (size_t i = 0; i < m_paths.size(); ++i) {
        if (!m_recorded[i].exists)
            continue; // not opened yet: nothing to lose
        const Identity now = identify(m_paths[i]);
        if (now == m_recorded[i])
            continue;
        const QString file = QDir::toNativeSeparators(QFile::decodeName(m_paths[i]));
        return now.exists ? u"%1 was replaced by another file"_s.arg(file)
                          : u"%1 was deleted"_s.arg(file);
    }
    return std::nullopt;
}

} // namespace hoststand
