#include "readmodel/QtSqlReadStatement.h"

#include <QSqlError>

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
    : SqlQueryReadStatement(std::move(query))
{ }

StoreError QtSqlReadStatement::error(const QString &action) const
{
    return StoreError(StoreError::Code::Database,
                      u"The read model could not %1 (%2): %3."_s.arg(
                          action, m_query.lastQuery().left(60), m_query.lastError().text()));
}

void QtSqlReadStatement::bind(int index, QVariant value)
{
    m_query.bindValue(index - 1, std::move(value));
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

} // namespace hoststand
