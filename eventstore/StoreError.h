#pragma once

#include "eventstore/Result.h"

#include <QString>

namespace hoststand {

// Why the event store refused or failed an operation, with a message a
// person can read. Nothing is written when an operation returns an error.
class StoreError final
{
public:
    enum class Code {
        InvalidStreamName,
        InvalidEventType,
        InvalidEventData,
        InvalidMetadata,
        InvalidArgument,
        WrongExpectedRevision,
        DuplicateEventId,
        NotAStore,
        CorruptStore,
        NewerSchema,
        CannotOpen,
        FilesReplaced, // a SQLite file or its log was deleted or replaced under its connection
        DiskFull, // the disk (or the server's) has no room left
        Unavailable,
        LeaseNotHeld,
        NotFound,
        Database,
    };

    StoreError(Code code, QString message, qint64 actualRevision = -1)
        : m_code(code)
        , m_message(std::move(message))
        , m_actualRevision(actualRevision)
    { }

    Code code() const { return m_code; }
    const QString &message() const { return m_message; }
    // For WrongExpectedRevision: the stream's revision at the time (-1: no stream).
    qint64 actualRevision() const { return m_actualRevision; }

    static QString codeName(Code code);
    // Whether trying again later may succeed with nothing else changed: the
    // store busy or out of reach, its disk full, its files replaced.
    bool isTransient() const
    {
        return m_code == Code::Unavailable || m_code == Code::DiskFull
            || m_code == Code::FilesReplaced;
    }

private:
    Code m_code;
    QString m_message;
    qint64 m_actualRevision;
};

template<typename T>
using StoreResult = Result<T, StoreError>;

} // namespace hoststand
