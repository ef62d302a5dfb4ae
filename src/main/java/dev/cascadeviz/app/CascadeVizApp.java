package dev.cascadeviz.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop application (the window is built in issue 4). */
public class CascadeVizApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("CascadeViz");
        stage.setScene(new Scene(new Label("CascadeViz"), 1280, 800));
        stage.show();
    }
}
