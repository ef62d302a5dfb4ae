package dev.cascadeviz;

import dev.cascadeviz.app.CascadeVizApp;
import dev.cascadeviz.cli.CascadeVizCommand;
import javafx.application.Application;

/**
 * The runnable jar's main class. A class that extends {@code Application} cannot start a plain
 * {@code java -jar}, so this one decides: no subcommand starts the window, anything else goes
 * to the command line.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || CascadeVizCommand.isWindowRequest(args)) {
            Application.launch(CascadeVizApp.class, args);
            return;
        }
        System.exit(CascadeVizCommand.execute(args));
    }
}
