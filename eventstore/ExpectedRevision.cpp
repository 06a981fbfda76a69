#include "eventstore/ExpectedRevision.h"

using namespace Qt::StringLiterals;

namespace hoststand {

QString ExpectedRevision::toString() const
{
    switch (m_kind) {
    case Kind::Any:
        return u"any"_s;
    case Kind::NoStream:
        return u"no stream"_s;
    case Kind::StreamExists:
        return u"stream exists"_s;
    case Kind::Exact:
        return u"revision %1"_s.arg(m_revision);
    }
    return {};
}

} // namespace hoststand
