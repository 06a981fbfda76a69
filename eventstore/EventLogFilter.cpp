#include "eventstore/EventLogFilter.h"

#include <limits>

namespace hoststand {

int EventLogFilter::shape() const
{
    return (stream.isEmpty() ? 0 : ByStream) | (type.isEmpty() ? 0 : ByType)
        | (correlationId.isEmpty() ? 0 : ByCorrelation) | (newestFirst ? NewestFirst : 0);
}

int EventLogFilter::leadingFilter(int shape)
{
    for (const int filter : {ByStream, ByCorrelation, ByType}) {
        if (shape & filter)
            return filter;
    }
    return 0;
}

qint64 EventLogFilter::upperBound() const
{
    return beforePosition > 0 ? beforePosition : std::numeric_limits<qint64>::max();
}

} // namespace hoststand
