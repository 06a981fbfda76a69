#pragma once

#include "readmodel/ReadStatement.h"

#include <QSqlQuery>

namespace hoststand {

// A ReadStatement on a QSqlQuery, for the databases reached through a Qt
// SQL driver: it turns each bound value into the QVariant the read tables
// expect and reads the current row's columns. Where a bound value goes,
// and how the query runs, is the subclass's.
class SqlQueryReadStatement : public ReadStatement
{
public:
    void bindInt(int index, qint64 value) final;
    void bindReal(int index, double value) final;
    void bindText(int index, const QString &value) final;
    void bindUtf8(int index, const QByteArray &utf8) final;
    void bindBlob(int index, const QByteArray &value) final;
    void bindNull(int index) final;

    int columnCount() const final;
    QString columnName(int column) const final;
    bool isNull(int column) const final;
    qint64 intValue(int column) const final;
    double realValue(int column) const final;
    QString textValue(int column) const final;
    QByteArray blobValue(int column) const final;
    QVariant value(int column) const final;

protected:
    SqlQueryReadStatement() = default;
    explicit SqlQueryReadStatement(QSqlQuery query);

    // Binds the value to its parameter (numbered from 1).
    virtual void bind(int index, QVariant value) = 0;

    QSqlQuery m_query;
};

} // namespace hoststand
