#include "app/cli/CliOutput.h"

#include "app/cli/ExitStatus.h"
#include "domain/DomainError.h"

#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace hoststand::cli {

static void write(std::FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

static void writeJson(const QJsonDocument &document)
{
    write(stdout, document.toJson(QJsonDocument::Indented));
}

void CliOutput::result(const QJsonObject &json, const QString &text) const
{
    if (m_json)
        writeJson(QJsonDocument(json));
    else
        write(stdout, text.toUtf8());
}

void CliOutput::results(const QJsonArray &json, const QString &text) const
{
    if (m_json)
        writeJson(QJsonDocument(json));
    else
        write(stdout, text.toUtf8());
}

void CliOutput::note(const QString &message) const
{
    write(stderr, (message + u'\n').toUtf8());
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
