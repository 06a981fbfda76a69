#pragma once

#include "domain/DomainError.h"

#include <QHash>
#include <QString>

namespace hoststand {

// A table's id: 1 to 32 letters, digits, '-' or '_' ("T1", "terrace-4").
class TableId final
{
public:
    static DomainResult<TableId> create(const QString &text);

    const QString &toString() const { return m_value; }
    QString streamName() const { return QStringLiteral("table-") + m_value; }

    bool operator==(const TableId &) const = default;
    auto operator<=>(const TableId &other) const { return m_value.compare(other.m_value) <=> 0; }

private:
    explicit TableId(QString value)
        : m_value(std::move(value))
    { }

    QString m_value;
};

inline size_t qHash(const TableId &id, size_t seed = 0)
{
    return qHash(id.toString(), seed);
}

} // namespace hoststand
