#include "readmodel/SqlQueryReadStatement.h"

#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace hoststand {

SqlQueryReadStatement::SqlQueryReadStatement(QSqlQuery query)
    : m_query(std::move(query))
{ }

void SqlQueryReadStatement::bindInt(int index, qint64 value)
{
    bind(index, value);
}

void SqlQueryReadStatement::bindReal(int index, double value)
{
    bind(index, value);
}

// A null QString would bind as SQL NULL; the read tables mean "empty".
void SqlQueryReadStatement::bindText(int index, const QString &value)
{
    bind(index, value.isNull() ? u""_s : value);
}

void SqlQueryReadStatement::bindUtf8(int index, const QByteArray &utf8)
{
    bindText(index, QString::fromUtf8(utf8));
}

void SqlQueryReadStatement::bindBlob(int index, const QByteArray &value)
{
    bind(index, value.isNull() ? QByteArray("") : value);
}

void SqlQueryReadStatement::bindNull(int index)
{
    bind(index, QVariant());
}

int SqlQueryReadStatement::columnCount() const
{
    return m_query.record().count();
}

QString SqlQueryReadStatement::columnName(int column) const
{
    return m_query.record().fieldName(column);
}

bool SqlQueryReadStatement::isNull(int column) const
{
    return m_query.isNull(column);
}

qint64 SqlQueryReadStatement::intValue(int column) const
{
    return m_query.value(column).toLongLong();
}

double SqlQueryReadStatement::realValue(int column) const
{
    return m_query.value(column).toDouble();
}

QString SqlQueryReadStatement::textValue(int column) const
{
    return m_query.value(column).toString();
}

QByteArray SqlQueryReadStatement::blobValue(int column) const
{
    return m_query.value(column).toByteArray();
}

QVariant SqlQueryReadStatement::value(int column) const
{
    return m_query.value(column);
}

} // namespace hoststand
