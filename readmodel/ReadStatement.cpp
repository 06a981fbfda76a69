#include "readmodel/ReadStatement.h"

namespace hoststand {

ReadStatement::~ReadStatement() = default;

void ReadStatement::bindMoment(int index, const QDateTime &moment)
{
    if (moment.isValid())
        bindInt(index, moment.toMSecsSinceEpoch());
    else
        bindNull(index);
}

QDateTime ReadStatement::momentValue(int column) const
{
    if (isNull(column))
        return {};
    return QDateTime::fromMSecsSinceEpoch(intValue(column), Qt::UTC);
}

} // namespace hoststand
