// libFuzzer target: feeds arbitrary bytes to the event decoder. The first
// line is the event type, the second the schema version, the rest the data.
// A crash, a hang or a sanitizer report is a bug; a DecodeError is the
// expected answer to garbage.
#include "domain/contracts/EventCodec.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

using namespace hoststand;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(bytes), qsizetype(size));
    const qsizetype firstBreak = input.indexOf('\n');
    if (firstBreak < 0)
        return 0;
    const qsizetype secondBreak = input.indexOf('\n', firstBreak + 1);
    if (secondBreak < 0)
        return 0;

    RecordedEvent event;
    event.type = QString::fromUtf8(input.left(firstBreak));
    event.metadata = QByteArray(R"({"schemaVersion":)")
        + input.mid(firstBreak + 1, secondBreak - firstBreak - 1) + '}';
    event.data = input.mid(secondBreak + 1);

    auto decoded = EventCodec::decode(event);
    if (decoded.ok()) {
        // Whatever decodes must encode and decode to the same event.
        const auto again = EventCodec::toEventData(decoded.value(), {});
        if (!again.ok())
            __builtin_trap();
        RecordedEvent stored;
        stored.type = again.value().type;
        stored.data = again.value().data;
        stored.metadata = again.value().metadata;
        auto roundTrip = EventCodec::decode(stored);
        if (!roundTrip.ok() || !(roundTrip.value() == decoded.value()))
            __builtin_trap();
    }
    return 0;
}
