#pragma once

#include <QLabel>

namespace hoststand::ui {

// What is wrong with a field, said under it in the warning colour of the
// palette around it (StatusStyle), again whenever the palette changes;
// hidden while there is nothing to say.
class ProblemLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit ProblemLabel(QWidget *parent = nullptr);

    void setProblem(const QString &problem);

protected:
    void changeEvent(QEvent *event) override;

private:
    void followPalette();
};

} // namespace hoststand::ui
