#pragma once

#include <QString>

namespace hoststand {

// Which events of the whole log (the audit trail), and which page of them:
// the first `limit` after afterPosition in position order, or with
// newestFirst the last `limit` before beforePosition, newest first, so that
// a log can be read backwards from any position. Each filter is exact; an
// empty one does not filter.
struct EventLogFilter final
{
    QString stream = {};
    QString type = {};
    QString correlationId = {}; // a booking's id: its whole causation chain
    qint64 afterPosition = 0;
    qint64 limit = 1000;
    qint64 beforePosition = 0; // only events before it; 0: no bound
    bool newestFirst = false;

    // What a backend's statement for the page must hold: one bit for each
    // filter given, and one for the order. Each backend prepares one
    // statement per shape.
    enum Shape { ByStream = 1, ByType = 2, ByCorrelation = 4, NewestFirst = 8 };
    int shape() const;
    // The filter whose index leads a page: the stream (whose revisions order
    // its events as positions do), else the correlation id, else the type;
    // 0 when none is given.
    static int leadingFilter(int shape);
    // The position every event of the page is below.
    qint64 upperBound() const;
};

} // namespace hoststand
