#include "eventstore/NamedSqlConnection.h"

#include <QAtomicInteger>

using namespace Qt::StringLiterals;

namespace hoststand {

static QString uniqueConnectionName(const QString &purpose)
{
    static QAtomicInteger<quint64> counter;
    return u"hoststand-%1-%2"_s.arg(purpose).arg(counter.fetchAndAddRelaxed(1));
}

NamedSqlConnection::NamedSqlConnection(const QString &driver, const QString &purpose)
    : m_name(uniqueConnectionName(purpose))
    , m_database(QSqlDatabase::addDatabase(driver, m_name))
{ }

NamedSqlConnection::~NamedSqlConnection()
{
    m_database.close();
    // removeDatabase wants no QSqlDatabase copy of the connection left.
    m_database = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

} // namespace hoststand
