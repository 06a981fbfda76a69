#pragma once

#include "eventstore/StoreError.h"

class QSqlError;

namespace hoststand {

// Turns an SQLite result code (primary or extended) into a StoreError whose
// message says what the store could not do and why, in words, never as SQL.
StoreError sqliteStoreError(int resultCode, const QString &action);
// The same for an error that Qt SQL reports; its native code is SQLite's.
StoreError sqliteStoreError(const QSqlError &error, const QString &action);

// The primary SQLite result code of an error Qt SQL reports, 0 when unknown.
int sqliteResultCode(const QSqlError &error);

} // namespace hoststand
