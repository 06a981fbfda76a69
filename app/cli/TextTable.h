#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace hoststand::cli {

// Rows of text in aligned columns under a header, for people; the JSON
// output is for scripts. A cell is one line: whatever in it would not print
// as text (a line break, an escape sequence) shows escaped, so a stored
// value can neither fake a row nor act on the terminal.
class TextTable final
{
public:
    explicit TextTable(QStringList header);

    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    // Every line ends with a newline; the last column is not padded.
    QString render() const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};

} // namespace hoststand::cli
