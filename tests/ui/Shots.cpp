#include "tests/ui/Shots.h"

#include <QColor>
#include <QPalette>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace hoststand::test {

void saveShots(QWidget &window, const QString &name)
{
    const QString shots = qEnvironmentVariable("HOSTSTAND_SHOTS_DIR");
    if (shots.isEmpty())
        return;
    window.resize(1024, 640);
    window.grab().save(shots + u"/"_s + name + u".png"_s);
    const QPalette before = window.palette();
    // Qt derives the other roles, the disabled ones included, from a dark
    // button colour; the main ones are then set as a dark desktop sets them.
    QPalette dark(QColor(0x33, 0x35, 0x38));
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        dark.setColor(group, QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(group, QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(group, QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(group, QPalette::AlternateBase, QColor(0x26, 0x27, 0x2a));
        dark.setColor(group, QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(group, QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(group, QPalette::PlaceholderText, QColor(0x8a, 0x8c, 0x90));
    }
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(QPalette::Disabled, role, QColor(0x6e, 0x70, 0x74));
    window.setPalette(dark);
    window.grab().save(shots + u"/"_s + name + u"-dark.png"_s);
    window.setPalette(before);
}

} // namespace hoststand::test
