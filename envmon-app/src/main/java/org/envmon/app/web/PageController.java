package org.envmon.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages of envmon-web that live in a folder: the console's address without the file name. */
@Controller
public class PageController {

    @GetMapping("/console")
    public String console() {
        return "forward:/console/index.html";
    }
}
