#include "eventstore/SqliteErrors.h"

#include <QSqlError>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace hoststand {

static StoreError::Code codeFor(int primaryCode)
{
    switch (primaryCode) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return StoreError::Code::CorruptStore;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
        return StoreError::Code::Unavailable;
    case SQLITE_CANTOPEN:
        return StoreError::Code::CannotOpen;
    case SQLITE_FULL:
        return StoreError::Code::DiskFull;
    default:
        return StoreError::Code::Database;
    }
}

static QString reasonFor(int primaryCode)
{
    switch (primaryCode) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return u"SQLite reports the store file as damaged (%1); nothing was written. "
               "`hoststand-cli verify` checks the whole file; a backup restored in its "
               "place would lose every event written since it was made"_s.arg(
                   QString::fromUtf8(sqlite3_errstr(primaryCode)));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return u"another program keeps the store busy"_s;
    case SQLITE_FULL:
        return u"the disk is full; nothing was written"_s;
    default:
        return QString::fromUtf8(sqlite3_errstr(primaryCode));
    }
}

StoreError sqliteStoreError(int resultCode, const QString &action)
{
    const int primary = resultCode & 0xff;
    return StoreError(codeFor(primary), u"Could not %1: %2."_s.arg(action, reasonFor(primary)));
}

int sqliteResultCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code & 0xff : 0;
}

StoreError sqliteStoreError(const QSqlError &error, const QString &action)
{
    const int primary = sqliteResultCode(error);
    if (primary != 0)
        return sqliteStoreError(primary, action);
    return StoreError(StoreError::Code::Database,
                      u"Could not %1: %2."_s.arg(action, error.driverText()));
}

} // namespace hoststand
