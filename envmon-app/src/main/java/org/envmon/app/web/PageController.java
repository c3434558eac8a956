package org.envmon.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Addresses of envmon-web's pages that are not a file of their own: the console's folder without the file name, and
 * a city's detail page, which is the station page's file (one page, two kinds of subject).
 */
@Controller
public class PageController {

    @GetMapping("/console")
    public String console() {
        return "forward:/console/index.html";
    }

    @GetMapping("/city.html")
    public String city() {
        return "forward:/station.html";
    }
}
