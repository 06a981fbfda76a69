#pragma once

#include <QString>

#include <optional>

class QSettings;

namespace hoststand::ui {

// The fields of the store the host stand opens, as the Open store dialog
// edits them and the settings remember them: a SQLite file on this
// computer, or a database on a PostgreSQL server. The password is remembered only when the host
// ticks "remember password", and then as it is (the settings file is made
// readable by its owner only); otherwise it lives in memory for the session.
struct StoreFields final
{
    enum class Kind { File, Server };

    Kind kind = Kind::File;
    QString file;
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;
    bool rememberPassword = false;

    // The SQLite file every Hoststand program opens by default
    // ($XDG_DATA_HOME/Hoststand/restaurant.hoststand, as hoststand-cli).
    static QString defaultFile();
    // That file, and a server's usual fields for a host who switches.
    static StoreFields defaults();
    // The fields of a --store text: a file path, or a postgresql:// URL
    // (with its password, if it has one).
    static StoreFields fromLocation(const QString &location);

    // What the restaurant opens: the path, or the URL with the password.
    QString location() const;
    // For people: the path, or the URL without the password.
    QString shownLocation() const;
    // Why it cannot be opened as it is, in a sentence; nothing when it can.
    std::optional<QString> problem() const;
    // Whether start-up may open it without asking: a file, or a server
    // whose password is remembered.
    bool isComplete() const;

    void remember(QSettings &settings) const;
    // The choice remembered last, if any.
    static std::optional<StoreFields> remembered(QSettings &settings);

    bool operator==(const StoreFields &) const = default;
};

} // namespace hoststand::ui
