#include "readmodel/ReadModelDump.h"

#include "readmodel/ReadConnection.h"

using namespace Qt::StringLiterals;

namespace hoststand::ReadModelDump {
namespace {

QString cell(const QVariant &value)
{
    if (value.isNull()) // also a Qt SQL driver's typed NULL
        return u"NULL"_s;
    switch (value.typeId()) {
    case QMetaType::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QMetaType::QByteArray:
        return QString::fromUtf8(value.toByteArray());
    default:
        return value.toString();
    }
}

QString lineOf(const ReadTable &table, const ReadStatement &row)
{
    QStringList cells;
    for (int column = 0; column < row.columnCount(); ++column)
        cells.append(row.columnName(column) + u'=' + cell(row.value(column)));
    return table.name + u": "_s + cells.join(u" | "_s);
}

StoreResult<std::unique_ptr<ReadStatement>> selectAll(ReadConnection &connection,
                                                      const ReadTable &table)
{
    return connection.prepare(u"SELECT * FROM "_s + table.name + u" ORDER BY "_s + table.orderBy);
}

// One side of a comparison: the next line of a table, or nothing at its end.
StoreResult<std::optional<QString>> nextLine(ReadStatement &rows, const ReadTable &table)
{
    auto row = rows.next();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<QString>();
    return std::optional<QString>(lineOf(table, rows));
}

} // namespace

StoreResult<void> forEachLine(ReadConnection &connection, const ReadTable &table,
                              const std::function<bool(const QString &)> &line)
{
    auto rows = selectAll(connection, table);
    if (!rows.ok())
        return rows.error();
    for (;;) {
        auto next = nextLine(*rows.value(), table);
        if (!next.ok())
            return next.error();
        if (!next.value())
            return {};
        if (!line(*next.value())) {
            rows.value()->reset();
            return {};
        }
    }
}

StoreResult<QStringList> lines(ReadConnection &connection, const QList<ReadTable> &tables)
{
    QStringList all;
    for (const ReadTable &table : tables) {
        auto listed = forEachLine(connection, table, [&all](const QString &line) {
            all.append(line);
            return true;
        });
        if (!listed.ok())
            return listed.error();
    }
    return all;
}

// Walks both tables side by side, so that even a table of millions of
// rows is compared without holding it in memory.
StoreResult<QStringList> differences(ReadConnection &actual, ReadConnection &expected,
                                     const QList<ReadTable> &tables, int maxDifferences)
{
    QStringList found;
    qint64 leftOut = 0;
    for (const ReadTable &table : tables) {
        auto mine = selectAll(actual, table);
        auto theirs = selectAll(expected, table);
        if (!mine.ok())
            return mine.error();
        if (!theirs.ok())
            return theirs.error();
        for (;;) {
            auto left = nextLine(*mine.value(), table);
            auto right = nextLine(*theirs.value(), table);
            if (!left.ok())
                return left.error();
            if (!right.ok())
                return right.error();
            if (!left.value() && !right.value())
                break;
            if (left.value() == right.value())
                continue;
            if (found.size() >= maxDifferences * 2) {
                ++leftOut;
                continue;
            }
            found.append(u"- "_s + left.value().value_or(u"(no row)"_s));
            found.append(u"+ "_s + right.value().value_or(u"(no row)"_s));
        }
    }
    if (leftOut > 0)
        found.append(u"... and %1 more differences"_s.arg(leftOut));
    return found;
}

} // namespace hoststand::ReadModelDump
