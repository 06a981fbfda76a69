#pragma once

#include "domain/DomainError.h"

#include <QString>

namespace hoststand {

// A whole number in a fixed range with a name for messages: a party size, a
// table's seats. The range is part of the type, so a PartySize is always valid.
template<typename Tag>
class Count final
{
public:
    static constexpr int Min = Tag::Min;
    static constexpr int Max = Tag::Max;

    static DomainResult<Count> create(qint64 value)
    {
        if (value < Min || value > Max)
            return DomainError(DomainError::Code::InvalidInput,
                               QStringLiteral("%1 must be %2 to %3, not %4.")
                                   .arg(Tag::name())
                                   .arg(Min)
                                   .arg(Max)
                                   .arg(value));
        return Count(static_cast<int>(value));
    }

    int value() const { return m_value; }

    bool operator==(const Count &) const = default;
    auto operator<=>(const Count &) const = default;

private:
    explicit Count(int value)
        : m_value(value)
    { }

    int m_value;
};

struct PartySizeTag
{
    static constexpr int Min = 1;
    static constexpr int Max = 50;
    static QString name() { return QStringLiteral("A party size"); }
};

struct SeatCountTag
{
    static constexpr int Min = 1;
    static constexpr int Max = 50;
    static QString name() { return QStringLiteral("A table's seats"); }
};

using PartySize = Count<PartySizeTag>;
using SeatCount = Count<SeatCountTag>;

} // namespace hoststand
