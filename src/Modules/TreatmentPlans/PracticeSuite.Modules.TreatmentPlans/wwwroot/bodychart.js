// The body chart's behaviour (no framework; the page works without it).
// An interactive chart (data-picker) toggles the matching box of its zone list when a zone is clicked, and follows the
// list when a box changes. An element with data-chart-preview="<chart id>" and data-zones="a b" highlights those zones
// on that chart while it is hovered or focused (the muscle library's entries).
(function () {
    "use strict";

    function shapesOf(chart) {
        return chart.querySelectorAll("path.zone[data-zone]");
    }

    function bindPicker(chart) {
        var pickerId = chart.getAttribute("data-picker");
        var picker = pickerId && document.getElementById(pickerId);
        if (!picker) {
            return;
        }

        function box(zone) {
            return document.getElementById(pickerId + "-" + zone);
        }

        function recolour() {
            shapesOf(chart).forEach(function (shape) {
                var input = box(shape.getAttribute("data-zone"));
                shape.classList.toggle("marked", !!(input && input.checked));
            });
        }

        chart.addEventListener("click", function (event) {
            var shape = event.target.closest("path.zone[data-zone]");
            var input = shape && box(shape.getAttribute("data-zone"));
            if (!input) {
                return;
            }

            input.checked = !input.checked;
            // Open the box's group in the list, so what the click chose can be seen there too.
            var group = input.closest("details");
            if (group && input.checked) {
                group.open = true;
            }

            input.dispatchEvent(new Event("change", { bubbles: true }));
        });
        picker.addEventListener("change", recolour);
        recolour();
        var hint = chart.querySelector("[data-chart-hint]");
        if (hint) {
            hint.hidden = false;
        }
    }

    function bindPreview(trigger) {
        var chart = document.getElementById(trigger.getAttribute("data-chart-preview"));
        if (!chart) {
            return;
        }

        var zones = (trigger.getAttribute("data-zones") || "").split(" ");
        // The label (data-preview-for="<chart id>") names what the chart shows; it returns to its own words after.
    function show() {
            chart.classList.add("previewing");
            shapesOf(chart).forEach(function (shape) {
                shape.classList.toggle("preview", zones.indexOf(shape.getAttribute("data-zone")) >= 0);
            });
            var label = document.querySelector("[data-preview-for='" + chart.id + "']");
            if (label) {
                label.textContent = trigger.getAttribute("data-preview-name") || "";
            }
        }

        function hide() {
            chart.classList.remove("previewing");
            shapesOf(chart).forEach(function (shape) {
                shape.classList.remove("preview");
            });
            var label = document.querySelector("[data-preview-for='" + chart.id + "']");
            if (label) {
                label.textContent = label.getAttribute("data-preview-default");
            }
        }

        trigger.addEventListener("mouseenter", show);
        trigger.addEventListener("focus", show);
        trigger.addEventListener("mouseleave", hide);
        trigger.addEventListener("blur", hide);
    }

    document.querySelectorAll("[data-body-chart][data-picker]").forEach(function (chart) {
        if (chart.getAttribute("data-picker")) {
            bindPicker(chart);
        }
    });
    document.querySelectorAll("[data-chart-preview]").forEach(bindPreview);
})();
