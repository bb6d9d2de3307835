package io.rlarena.cli;

import io.rlarena.train.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A live progress bar (steps, speed, ETA, recent returns) for an interactive terminal. */
final class BarProgress implements Progress {

    private final ProgressBar bar;

    BarProgress(long totalSteps) {
        bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(250).showSpeed()
                .build();
    }

    @Override
    public void update(long step, String status) {
        bar.stepTo(step);
        bar.setExtraMessage(" " + status);
    }

    @Override
    public void note(String message) {
        System.err.println("\r" + message);
    }

    @Override
    public void close() {
        bar.close();
    }
}
