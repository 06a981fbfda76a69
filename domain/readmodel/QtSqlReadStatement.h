#pragma once

#include "domain/readmodel/ReadStatement.h"

#include <QSqlQuery>

namespace hoststand {

// A ReadStatement on a QSqlQuery, for databases reached through a Qt SQL
// driver (PostgreSQL's read schema): prepared once, bound by position.
class QtSqlReadStatement final : public ReadStatement
{
public:
    static StoreResult<std::unique_ptr<QtSqlReadStatement>> prepare(const QSqlDatabase &database,
                                                                    const QString &sql);

    void bindInt(int index, qint64 value) override;
    void bindReal(int index, double value) override;
    void bindText(int index, const QString &value) override;
    void bindUtf8(int index, const QByteArray &utf8) override;
    void bindBlob(int index, const QByteArray &value) override;
    void bindNull(int index) override;

    StoreResult<void> execute() override;
    StoreResult<bool> next() override;
    void reset() override;

    int columnCount() const override;
    QString columnName(int column) const override;
    bool isNull(int column) const override;
    qint64 intValue(int column) const override;
    double realValue(int column) const override;
    QString textValue(int column) const override;
    QByteArray blobValue(int column) const override;
    QVariant value(int column) const override;

private:
    explicit QtSqlReadStatement(QSqlQuery query);
    StoreError error(const QString &action) const;

    QSqlQuery m_query;
    bool m_running = false;
};

} // namespace hoststand
