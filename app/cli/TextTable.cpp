#include "app/cli/TextTable.h"

#include "domain/contracts/TextField.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hoststand::cli {

static constexpr qsizetype ColumnGap = 2;

TextTable::TextTable(QStringList header)
    : m_header(std::move(header))
{ }

void TextTable::addRow(QStringList cells)
{
    cells.resize(m_header.size());
    for (QString &cell : cells)
        cell = escapedForDisplay(cell);
    m_rows.append(std::move(cells));
}

static QString renderLine(const QStringList &cells, const QList<qsizetype> &widths)
{
    QString line;
    for (qsizetype column = 0; column < cells.size(); ++column) {
        const bool last = column + 1 == cells.size();
        line += last ? cells.at(column)
                     : cells.at(column).leftJustified(widths.at(column) + ColumnGap);
    }
    while (line.endsWith(u' '))
        line.chop(1);
    return line + u'\n';
}

QString TextTable::render() const
{
    QList<qsizetype> widths;
    for (const QString &title : m_header)
        widths.append(title.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths.at(column), row.at(column).size());
    }
    QString text = renderLine(m_header, widths);
    for (const QStringList &row : m_rows)
        text += renderLine(row, widths);
    return text;
}

} // namespace hoststand::cli
