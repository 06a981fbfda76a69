#pragma once

#include "domain/readmodel/ReadStatement.h"

#include <QList>
#include <QSqlQuery>

namespace hoststand {

class PostgresReadConnection;

// A statement of the PostgreSQL read schema on a QSqlQuery. It keeps its
// SQL and its bound values, so that after the connection was lost it
// prepares itself again on the new session and runs as if nothing happened.
class PostgresReadStatement final : public ReadStatement
{
public:
    PostgresReadStatement(PostgresReadConnection &connection, QString sql);

    // Prepares on the current session (the connection does this at once,
    // so that a mistake in the SQL shows when the statement is made).
    StoreResult<void> prepareNow();

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
    void bind(int index, QVariant value);
    StoreResult<void> run(const QString &action);
    StoreError failure(const QString &action);

    PostgresReadConnection &m_connection;
    QString m_sql;
    QSqlQuery m_query;
    quint64 m_session = 0; // the session m_query was prepared on; 0: none
    QList<QVariant> m_values;
    bool m_running = false;
};

} // namespace hoststand
