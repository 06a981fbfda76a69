#pragma once

#include <QStringList>

namespace hoststand {

struct RecordedEvent;

// Narrows a read of all streams to some categories and/or event types; an
// empty list does not filter.
struct ReadAllFilter final
{
    QStringList categories;
    QStringList eventTypes;

    bool isEmpty() const { return categories.isEmpty() && eventTypes.isEmpty(); }
    bool matches(const RecordedEvent &event) const;

    static ReadAllFilter byCategory(QStringList categories) { return {std::move(categories), {}}; }
    static ReadAllFilter byEventType(QStringList types) { return {{}, std::move(types)}; }
};

} // namespace hoststand
