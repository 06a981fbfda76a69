#pragma once

#include <QByteArrayView>
#include <QDateTime>

#include <optional>

// A scanner for the compact JSON the catalogue's codec writes, for the
// projections' hot path: it reports an object's members as views into the
// bytes instead of building a QJsonDocument (which costs about a
// microsecond per event, as much as the insert it feeds). It gives up on
// anything unusual (an escaped character, malformed input); the caller then
// reads the event with QJsonDocument instead, so no input is misread.
namespace hoststand::JsonScan {

enum class Kind { String, Scalar, Object, Array };

struct Member final
{
    QByteArrayView key;
    QByteArrayView value; // a string's content without quotes; otherwise the raw text
    Kind kind = Kind::Scalar;
};

// Calls member(const Member &) for each member of the object, in order.
// Returns false when the scan gave up (member() may have been called).
template<typename Callback>
bool scanObject(QByteArrayView json, Callback member);

// "2026-12-01T19:00:00Z", as toIsoUtc() writes moments, read without
// QDateTime's general parser; other forms go through QDateTime::fromString.
QDateTime moment(QByteArrayView text);

namespace detail {

struct Cursor
{
    const char *p;
    const char *end;

    void skipSpace()
    {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    }
    bool at(char c) const { return p < end && *p == c; }
};

// After the opening quote: the content up to the closing one.
std::optional<QByteArrayView> string(Cursor &cursor);
// A nested object or array, brackets included.
std::optional<QByteArrayView> nested(Cursor &cursor);
std::optional<QByteArrayView> scalar(Cursor &cursor);

} // namespace detail

template<typename Callback>
bool scanObject(QByteArrayView json, Callback member)
{
    detail::Cursor cursor {json.data(), json.data() + json.size()};
    cursor.skipSpace();
    if (!cursor.at('{'))
        return false;
    ++cursor.p;
    cursor.skipSpace();
    if (cursor.at('}')) {
        ++cursor.p;
        cursor.skipSpace();
        return cursor.p == cursor.end;
    }
    for (;;) {
        if (!cursor.at('"'))
            return false;
        ++cursor.p;
        const auto key = detail::string(cursor);
        cursor.skipSpace();
        if (!key || !cursor.at(':'))
            return false;
        ++cursor.p;
        cursor.skipSpace();
        Member found {*key, {}, Kind::Scalar};
        std::optional<QByteArrayView> value;
        if (cursor.at('"')) {
            ++cursor.p;
            value = detail::string(cursor);
            found.kind = Kind::String;
        } else if (cursor.at('{') || cursor.at('[')) {
            found.kind = cursor.at('{') ? Kind::Object : Kind::Array;
            value = detail::nested(cursor);
        } else {
            value = detail::scalar(cursor);
        }
        if (!value)
            return false;
        found.value = *value;
        member(found);
        cursor.skipSpace();
        if (cursor.at('}')) {
            ++cursor.p;
            cursor.skipSpace();
            return cursor.p == cursor.end;
        }
        if (!cursor.at(','))
            return false;
        ++cursor.p;
        cursor.skipSpace();
    }
}

} // namespace hoststand::JsonScan
