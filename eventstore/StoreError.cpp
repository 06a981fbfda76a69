#include "eventstore/StoreError.h"

using namespace Qt::StringLiterals;

namespace hoststand {

QString StoreError::codeName(Code code)
{
    switch (code) {
    case Code::InvalidStreamName:
        return u"invalid-stream-name"_s;
    case Code::InvalidEventType:
        return u"invalid-event-type"_s;
    case Code::InvalidEventData:
        return u"invalid-event-data"_s;
    case Code::InvalidMetadata:
        return u"invalid-metadata"_s;
    case Code::InvalidArgument:
        return u"invalid-argument"_s;
    case Code::WrongExpectedRevision:
        return u"wrong-expected-revision"_s;
    case Code::DuplicateEventId:
        return u"duplicate-event-id"_s;
    case Code::NotAStore:
        return u"not-a-store"_s;
    case Code::CorruptStore:
        return u"corrupt-store"_s;
    case Code::NewerSchema:
        return u"newer-schema"_s;
    case Code::CannotOpen:
        return u"cannot-open"_s;
    case Code::FilesReplaced:
        return u"files-replaced"_s;
    case Code::DiskFull:
        return u"disk-full"_s;
    case Code::Unavailable:
        return u"unavailable"_s;
    case Code::LeaseNotHeld:
        return u"lease-not-held"_s;
    case Code::NotFound:
        return u"not-found"_s;
    case Code::Database:
        return u"database"_s;
    }
    return u"unknown"_s;
}

} // namespace hoststand
