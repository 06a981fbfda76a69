#pragma once

#include <QString>
#include <QtGlobal>

namespace hoststand {

// A stream revision is 0-based; NoStreamRevision stands for a stream that
// has no event yet.
inline constexpr qint64 NoStreamRevision = -1;

// What an append expects of its stream: optimistic concurrency.
class ExpectedRevision final
{
public:
    enum class Kind { Any, NoStream, StreamExists, Exact };

    static ExpectedRevision any() { return ExpectedRevision(Kind::Any, NoStreamRevision); }
    static ExpectedRevision noStream()
    {
        return ExpectedRevision(Kind::NoStream, NoStreamRevision);
    }
    static ExpectedRevision streamExists()
    {
        return ExpectedRevision(Kind::StreamExists, NoStreamRevision);
    }
    // An exact revision of NoStreamRevision means the same as noStream().
    static ExpectedRevision exact(qint64 revision)
    {
        return revision < 0 ? noStream() : ExpectedRevision(Kind::Exact, revision);
    }

    Kind kind() const { return m_kind; }
    qint64 revision() const { return m_revision; }

    bool matches(qint64 currentRevision) const
    {
        switch (m_kind) {
        case Kind::Any:
            return true;
        case Kind::NoStream:
            return currentRevision == NoStreamRevision;
        case Kind::StreamExists:
            return currentRevision != NoStreamRevision;
        case Kind::Exact:
            return currentRevision == m_revision;
        }
        return false;
    }

    QString toString() const;

    bool operator==(const ExpectedRevision &) const = default;

private:
    ExpectedRevision(Kind kind, qint64 revision)
        : m_kind(kind)
        , m_revision(revision)
    { }

    Kind m_kind;
    qint64 m_revision;
};

} // namespace hoststand
