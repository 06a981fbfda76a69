#pragma once

#include "readmodel/ReadStatement.h"

#include <sqlite3.h>

#include <vector>

namespace hoststand {

// A ReadStatement on a sqlite3 statement of the read file's connection.
// Measured on a rebuild, QSqlQuery spends about 3 µs per insert on its
// QVariant bindings; a direct statement spends well under one. Bound texts
// and blobs are kept (shared, not copied) until the next bind of their
// parameter, so SQLite reads them without a copy of its own; a text equal
// to the one bound before at its parameter (an event type, a user) reuses
// its UTF-8 bytes.
class SqliteReadStatement final : public ReadStatement
{
public:
    static StoreResult<std::unique_ptr<SqliteReadStatement>> prepare(sqlite3 *db,
                                                                     const QString &sql);
    ~SqliteReadStatement() override;

    void bindInt(int index, qint64 value) override;
    void bindReal(int index, double value) override;
    void bindText(int index, const QString &value) override;
    void bindUtf8(int index, const QByteArray &utf8) override;
    void bindBlob(int index, const QByteArray &value) override;
    void bindNull(int index) override;

    StoreResult<void> execute() override;
    StoreResult<bool> next() override;
    void reset() override;

    int columnCount() const override;
    QString columnName(int column) const override;
    bool isNull(int column) const override;
    qint64 intValue(int column) const override;
    double realValue(int column) const override;
    QString textValue(int column) const override;
    QByteArray blobValue(int column) const override;
    QVariant value(int column) const override;

private:
    SqliteReadStatement(sqlite3 *db, sqlite3_stmt *statement);
    void remember(int rc);
    StoreError error(int rc) const;

    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
    bool hasParameter(int index);

    std::vector<QString> m_texts;
    std::vector<QByteArray> m_bytes; // UTF-8 texts and blobs
    std::vector<bool> m_holdsText; // m_bytes holds m_texts' UTF-8
    int m_bindResult = SQLITE_OK;
};

// The message and code of an SQLite failure of the read file.
StoreError sqliteReadError(sqlite3 *db, int rc, const QString &action);

} // namespace hoststand
