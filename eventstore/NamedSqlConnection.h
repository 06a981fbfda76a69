#pragma once

#include <QSqlDatabase>
#include <QString>

namespace hoststand {

// A Qt SQL connection under a name of its own (Qt SQL keeps its connections
// in a registry by name), removed from the registry on destruction, which
// closes it: its driver is deleted with it.
class NamedSqlConnection final
{
public:
    // driver: "QSQLITE", "QPSQL"; purpose names it in the registry.
    NamedSqlConnection(const QString &driver, const QString &purpose);
    ~NamedSqlConnection();
    NamedSqlConnection(const NamedSqlConnection &) = delete;
    NamedSqlConnection &operator=(const NamedSqlConnection &) = delete;

    QSqlDatabase &database() { return m_database; }
    const QSqlDatabase &database() const { return m_database; }

private:
    QString m_name;
    QSqlDatabase m_database;
};

} // namespace hoststand
