#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace hoststand {
class DomainError;
}

namespace hoststand::cli {

// Where hoststand-cli answers: results on standard output, as text for
// people or as one JSON document for scripts (--json); refusals and
// problems on standard error, and with --json also as a JSON object with
// "error" and "code" on standard output, so a script reads one place.
// Neither can carry what would act on a terminal (an escape sequence, a
// bidi override): text shows it escaped, JSON as \u escapes.
class CliOutput final
{
public:
    void setJson(bool json) { m_json = json; }
    bool isJson() const { return m_json; }

    void result(const QJsonObject &json, const QString &text) const;
    void results(const QJsonArray &json, const QString &text) const;
    // A line for people on standard error (progress, a warning).
    void note(const QString &message) const;
    // "hoststand-cli: warning: ..." on standard error: something the person
    // running the command must know, that does not stop it.
    void warn(const QString &message) const;

    // Each returns the exit status to end with.
    int refuse(const DomainError &error, QJsonObject context = {}) const;
    int refuse(const QString &code, const QString &message, QJsonObject context = {}) const;
    int badUsage(const QString &problem, const QString &usage) const;

private:
    bool m_json = false;
};

} // namespace hoststand::cli
