#include "ui/floorplan/FloorPlanPage.h"

#include "ui/common/PaletteIconEngine.h"
#include "ui/common/StatusStyle.h"
#include "ui/floorplan/FloorPlanModel.h"
#include "ui/floorplan/FloorPlanScene.h"
#include "ui/floorplan/FloorPlanView.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hoststand::ui {

FloorPlanPage::FloorPlanPage(FloorPlanModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_scene(new FloorPlanScene(this))
    , m_view(new FloorPlanView(m_scene, this))
    , m_moment(new QComboBox(this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_book(
          new QPushButton(PaletteIconEngine::icon(u"new-booking"_s), u"Book this table…"_s, this))
    , m_walkIn(new QPushButton(PaletteIconEngine::icon(u"walk-in"_s), u"Seat a walk-in…"_s, this))
{
    setObjectName(u"floorPlanPage"_s);
    m_scene->setModel(&m_model);
    m_moment->setAccessibleName(u"Show the floor at"_s);
    m_title->setAccessibleName(u"Picked table"_s);
    m_details->setAccessibleName(u"Picked table's bookings"_s);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_book->setAccessibleName(u"Book this table"_s);
    m_walkIn->setAccessibleName(u"Seat a walk-in at this table"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);

    auto *momentRow = new QHBoxLayout;
    auto *momentLabel = new QLabel(u"Show the floor &at"_s, this);
    momentLabel->setBuddy(m_moment);
    momentRow->addWidget(momentLabel);
    momentRow->addWidget(m_moment);
    momentRow->addStretch();

    auto *panel = new QVBoxLayout;
    panel->addWidget(m_title);
    panel->addWidget(m_details, 1);
    panel->addWidget(m_book);
    panel->addWidget(m_walkIn);
    auto *panelWidget = new QWidget(this);
    panelWidget->setLayout(panel);
    panelWidget->setFixedWidth(fontMetrics().averageCharWidth() * 34);

    auto *body = new QHBoxLayout;
    body->addWidget(m_view, 1);
    body->addWidget(panelWidget);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(momentRow);
    layout->addLayout(body, 1);

    connect(m_moment, &QComboBox::currentIndexChanged, this, &FloorPlanPage::applyMoment);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        showDetails();
        Q_EMIT selectedTableChanged(selectedTableId());
    });
    connect(m_scene, &FloorPlanScene::tableDoubleClicked, this, &FloorPlanPage::walkInRequested);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &FloorPlanPage::showDetails);
    connect(m_book, &QPushButton::clicked, this,
            [this] { Q_EMIT bookTableRequested(selectedTableId()); });
    connect(m_walkIn, &QPushButton::clicked, this,
            [this] { Q_EMIT walkInRequested(selectedTableId()); });
    showDetails();
}

QString FloorPlanPage::selectedTableId() const
{
    return m_scene->selectedTableId();
}

void FloorPlanPage::selectTable(const QString &tableId)
{
    m_scene->selectTable(tableId);
}

void FloorPlanPage::setDay(const ServiceCalendar &calendar, const QDate &date, const QDateTime &now)
{
    m_calendar = calendar;
    m_now = now;
    const QDateTime previous = m_moment->currentData().toDateTime();
    const bool wasNow = m_moment->currentIndex() <= 0;
    {
        const QSignalBlocker blocker(m_moment);
        m_moment->clear();
        if (calendar.localDate(now) == date)
            m_moment->addItem(u"Now"_s, QDateTime());
        for (const booker::ServiceSlot &slot : calendar.slotsOn(date))
            m_moment->addItem(u"%1 · %2"_s.arg(calendar.timeText(slot.start), slot.period),
                              slot.start);
        const int index = wasNow ? 0 : m_moment->findData(previous);
        m_moment->setCurrentIndex(std::max(0, index));
    }
    applyMoment();
}

void FloorPlanPage::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_moment->currentData().toDateTime().isValid())
        applyMoment();
}

QDateTime FloorPlanPage::moment() const
{
    const QDateTime chosen = m_moment->currentData().toDateTime();
    return chosen.isValid() ? chosen : m_now;
}

void FloorPlanPage::applyMoment()
{
    m_model.setMoment(moment());
    showDetails();
}

void FloorPlanPage::showDetails()
{
    const int row = m_model.rowOfTable(selectedTableId());
    m_book->setEnabled(row >= 0);
    m_walkIn->setEnabled(row >= 0);
    if (row < 0) {
        m_title->setText(u"No table picked"_s);
        m_details->setText(u"Click a table to see who holds it and who comes next."_s);
        return;
    }
    const QModelIndex index = m_model.index(row);
    const int seats = index.data(FloorPlanModel::SeatsRole).toInt();
    m_title->setText(
        u"%1 · %2 seats"_s.arg(index.data(FloorPlanModel::TableIdRole).toString()).arg(seats));
    QStringList lines {index.data(FloorPlanModel::ZoneRole).toString(),
                       StatusStyle::word(TableState(index.data(FloorPlanModel::StateRole).toInt()))
                           + u" at "_s + m_calendar.timeText(moment())};
    const QString current = index.data(FloorPlanModel::CurrentGuestRole).toString();
    if (!current.isEmpty())
        lines.append(u"Now: %1, party of %2"_s.arg(current).arg(
            index.data(FloorPlanModel::CurrentPartyRole).toInt()));
    const QString next = index.data(FloorPlanModel::NextGuestRole).toString();
    if (!next.isEmpty())
        lines.append(u"Next: %1 at %2, party of %3"_s
                         .arg(next, index.data(FloorPlanModel::NextWhenRole).toString())
                         .arg(index.data(FloorPlanModel::NextPartyRole).toInt()));
    else
        lines.append(u"Nothing booked after this."_s);
    m_details->setText(lines.join(u'\n'));
}

} // namespace hoststand::ui
