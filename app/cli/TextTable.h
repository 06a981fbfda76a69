#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace hoststand::cli {

// Rows of text in aligned columns under a header, for people; the JSON
// output is for scripts.
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
