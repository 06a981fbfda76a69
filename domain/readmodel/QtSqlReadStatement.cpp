#include "domain/readmodel/QtSqlReadStatement.h"

#include <QSqlError>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace hoststand {

StoreResult<std::unique_ptr<QtSqlReadStatement>> QtSqlReadStatement::prepare(
    const QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return StoreError(StoreError::Code::Database,
                          u"The read model could not prepare a statement (%1): %2."_s.arg(
                              sql.left(60), query.lastError().text()));
    return std::unique_ptr<QtSqlReadStatement>(new QtSqlReadStatement(std::move(query)));
}

QtSqlReadStatement::QtSqlReadStatement(QSqlQuery query)
    : m_query(std::move(query))
{ }

StoreError QtSqlReadStatement::error(const QString &action) const
{
    return StoreError(StoreError::Code::Database,
                      u"The read model could not %1 (%2): %3."_s.arg(
                          action, m_query.lastQuery().left(60), m_query.lastError().text()));
}

void QtSqlReadStatement::bindInt(int index, qint64 value)
{
    m_query.bindValue(index - 1, value);
}

void QtSqlReadStatement::bindReal(int index, double value)
{
    m_query.bindValue(index - 1, value);
}

void QtSqlReadStatement::bindText(int index, const QString &value)
{
    m_query.bindValue(index - 1, value.isNull() ? u""_s : value);
}

void QtSqlReadStatement::bindUtf8(int index, const QByteArray &utf8)
{
    bindText(index, QString::fromUtf8(utf8));
}

void QtSqlReadStatement::bindBlob(int index, const QByteArray &value)
{
    m_query.bindValue(index - 1, value.isNull() ? QByteArray("") : value);
}

void QtSqlReadStatement::bindNull(int index)
{
    m_query.bindValue(index - 1, QVariant());
}

StoreResult<void> QtSqlReadStatement::execute()
{
    const bool done = m_query.exec();
    auto result = done ? StoreResult<void>() : StoreResult<void>(error(u"run a statement"_s));
    m_query.finish();
    return result;
}

StoreResult<bool> QtSqlReadStatement::next()
{
    if (!m_running) {
        if (!m_query.exec())
            return error(u"run a query"_s);
        m_running = true;
    }
    if (m_query.next())
        return true;
    reset();
    if (m_query.lastError().isValid())
        return error(u"read a query's rows"_s);
    return false;
}

void QtSqlReadStatement::reset()
{
    m_query.finish();
    m_running = false;
}

int QtSqlReadStatement::columnCount() const
{
    return m_query.record().count();
}

QString QtSqlReadStatement::columnName(int column) const
{
    return m_query.record().fieldName(column);
}

bool QtSqlReadStatement::isNull(int column) const
{
    return m_query.isNull(column);
}

qint64 QtSqlReadStatement::intValue(int column) const
{
    return m_query.value(column).toLongLong();
}

double QtSqlReadStatement::realValue(int column) const
{
    return m_query.value(column).toDouble();
}

QString QtSqlReadStatement::textValue(int column) const
{
    return m_query.value(column).toString();
}

QByteArray QtSqlReadStatement::blobValue(int column) const
{
    return m_query.value(column).toByteArray();
}

QVariant QtSqlReadStatement::value(int column) const
{
    return m_query.value(column);
}

} // namespace hoststand
