#include "app/cli/CliOutput.h"

#include "app/cli/ExitStatus.h"
#include "domain/DomainError.h"
#include "domain/contracts/TextField.h"

#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace hoststand::cli {

static void write(std::FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Text for people: whatever would act on the terminal instead of printing
// shows escaped, wherever it came from; the text's own line breaks stay.
// (Values shown one per line or cell are escaped before, line breaks too.)
static QByteArray forTerminal(const QString &text)
{
    return escapedForDisplayKeepingLineBreaks(text).toUtf8();
}

// QJsonDocument escapes the C0 controls but writes DEL, C1 controls and
// format characters such as U+202E as they are. Outside strings a JSON
// document holds only ASCII, so each of them is inside a string, where a
// \u escape is the same string to a parser and inert on a terminal.
static QByteArray withInvisiblesEscaped(const QByteArray &json)
{
    if (std::none_of(json.cbegin(), json.cend(), [](char byte) { return uchar(byte) >= 0x7f; }))
        return json;
    const QString text = QString::fromUtf8(json);
    QString escaped;
    escaped.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool pair
            = text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        const char32_t c = pair ? QChar::surrogateToUcs4(text[i], text[i + 1]) : text[i].unicode();
        const qsizetype units = pair ? 2 : 1;
        if (c == u'\n' || isPrintableCharacter(c)) {
            escaped += QStringView(text).mid(i, units);
        } else {
            for (qsizetype unit = i; unit < i + units; ++unit)
                escaped += u"\\u%1"_s.arg(text[unit].unicode(), 4, 16, QLatin1Char('0'));
        }
        i += units - 1;
    }
    return escaped.toUtf8();
}

static void writeJson(const QJsonDocument &document)
{
    write(stdout, withInvisiblesEscaped(document.toJson(QJsonDocument::Indented)));
}

void CliOutput::result(const QJsonObject &json, const QString &text) const
{
    if (m_json)
        writeJson(QJsonDocument(json));
    else
        write(stdout, forTerminal(text));
}

void CliOutput::results(const QJsonArray &json, const QString &text) const
{
    if (m_json)
        writeJson(QJsonDocument(json));
    else
        write(stdout, forTerminal(text));
}

void CliOutput::note(const QString &message) const
{
    write(stderr, forTerminal(message + u'\n'));
}

void CliOutput::warn(const QString &message) const
{
    note(u"hoststand-cli: warning: "_s + message);
}

int CliOutput::refuse(const DomainError &error, QJsonObject context) const
{
    if (!error.bookingIds().isEmpty() && !context.contains(u"bookingIds"_s))
        context.insert(u"bookingIds"_s, QJsonArray::fromStringList(error.bookingIds()));
    return refuse(DomainError::codeName(error.code()), error.message(), std::move(context));
}

int CliOutput::refuse(const QString &code, const QString &message, QJsonObject context) const
{
    note(u"hoststand-cli: "_s + message);
    if (m_json) {
        context.insert(u"error"_s, message);
        context.insert(u"code"_s, code);
        writeJson(QJsonDocument(context));
    }
    return ExitRefused;
}

int CliOutput::badUsage(const QString &problem, const QString &usage) const
{
    note(u"hoststand-cli: "_s + problem + u"\n\n"_s + usage);
    if (m_json)
        writeJson(QJsonDocument(QJsonObject {{u"error"_s, problem}, {u"code"_s, u"usage"_s}}));
    return ExitUsage;
}

} // namespace hoststand::cli
