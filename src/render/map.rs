//! The pathway map: every level of every pathway as a box, and an arrow
//! for each prerequisite link between levels, across pathways too (a
//! level that requires another, or the credential another awards).
//!
//! Laid out here, in layers, because the shape is always the same: one
//! lane per pathway, its levels left to right in their order, and each
//! level right of every level it needs (its layer is the longest chain of
//! links and steps before it). A general graph-layout crate (layout-rs)
//! would choose its own ranks and lose the lanes a reader knows from the
//! list of steps. This module only computes positions and paths; the
//! markup is the theme's (`partials/map.html`).

use crate::catalogue::{Catalogue, Id};
use crate::content::Kind;
use crate::routes::Routes;
use serde::Serialize;
use std::collections::HashMap;

const BOX_WIDTH: u32 = 168;
const LINE_HEIGHT: u32 = 16;
const PADDING: u32 = 10;
const COLUMN_GAP: u32 = 56;
const LANE_GAP: u32 = 44;
/// Room above a lane for its pathway's name.
const LANE_LABEL: u32 = 22;
const MARGIN: u32 = 8;
/// Characters per line of a box, for the default theme's 13 px type.
const LINE_CHARS: usize = 22;
/// The tall layout: narrower boxes, two lanes side by side within a
/// phone's 360 px, and room between rows for the arrows.
const TALL_BOX_WIDTH: u32 = 144;
const TALL_LINE_CHARS: usize = 18;
const TALL_LANE_GAP: u32 = 20;
const TALL_ROW_GAP: u32 = 34;
const MAX_LINES: usize = 3;

/// The map in two layouts: pathways as rows read left to right (`width`,
/// `nodes`… at the top level), and, for a phone's narrow screen, `tall`:
/// pathways as columns read top to bottom.
#[derive(Debug, Serialize)]
pub struct Map {
    #[serde(flatten)]
    pub wide: Layout,
    pub tall: Layout,
}

#[derive(Debug, Serialize)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    pub lanes: Vec<Lane>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

#[derive(Debug, Serialize)]
pub struct Lane {
    pub title: String,
    pub x: u32,
    pub y: u32,
    /// The pathway the page is about, on a pathway's page.
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct Node {
    pub id: String,
    /// The level's page: every box is a link.
    pub url: String,
    /// The title, wrapped: the map has no room for long lines.
    pub lines: Vec<Line>,
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct Line {
    pub text: String,
    pub x: u32,
    pub y: u32,
}

#[derive(Debug, Serialize)]
pub struct Edge {
    /// The SVG path from the needed level to the one that needs it.
    pub d: String,
    /// Between two pathways.
    pub cross: bool,
}

/// Above this many levels a map is too large to read, and the list of
/// steps says it all: no map is drawn.
const MAX_LEVELS: usize = 80;

/// The map of every pathway, with `current`'s lane marked; `None` when
/// there are fewer than two levels on pathways, or more than
/// [`MAX_LEVELS`].
pub fn map(catalogue: &Catalogue, routes: &Routes, current: Option<Id>) -> Option<Map> {
    let pathways: Vec<Id> = catalogue
        .of_kind(Kind::Pathway)
        .iter()
        .copied()
        .filter(|&p| !catalogue.levels_of(p).is_empty())
        .collect();
    let levels: Vec<(Id, usize)> = pathways
        .iter()
        .enumerate()
        .flat_map(|(lane, &p)| catalogue.levels_of(p).iter().map(move |&l| (l, lane)))
        .collect();
    if levels.len() < 2 || levels.len() > MAX_LEVELS {
        return None;
    }
    let lane_of: HashMap<Id, usize> = levels.iter().copied().collect();
    let links = links(catalogue, &lane_of);

    // Each level's layer: right of every level it needs, and of the step
    // before it in its pathway: the longest path to it, taken in
    // topological order (Kahn), so linear in levels and links. Levels left
    // in a loop (which `cairn check` forbids) keep the layer they reached.
    let mut constraints: Vec<(Id, Id)> = links.clone();
    for &p in &pathways {
        constraints.extend(catalogue.levels_of(p).windows(2).map(|w| (w[0], w[1])));
    }
    let mut after: HashMap<Id, Vec<Id>> = HashMap::new();
    let mut waiting: HashMap<Id, usize> = levels.iter().map(|&(l, _)| (l, 0)).collect();
    for &(before, next) in &constraints {
        after.entry(before).or_default().push(next);
        *waiting.entry(next).or_default() += 1;
    }
    let mut layer: HashMap<Id, u32> = levels.iter().map(|&(l, _)| (l, 0)).collect();
    let mut ready: Vec<Id> = levels
        .iter()
        .map(|&(l, _)| l)
        .filter(|l| waiting[l] == 0)
        .collect();
    while let Some(level) = ready.pop() {
        let here = layer[&level];
        for &next in after.get(&level).into_iter().flatten() {
            let there = layer.entry(next).or_default();
            *there = (*there).max(here + 1);
            let left = waiting.entry(next).or_default();
            *left -= 1;
            if *left == 0 {
                ready.push(next);
            }
        }
    }
    // A level that needs a later step of its own pathway makes a loop of
    // links and steps that check does not forbid: what is left in it goes
    // after everything placed, in the order of the list of steps.
    let mut next_free = layer.values().max().map_or(0, |&m| m + 1);
    for &(level, _) in &levels {
        if waiting[&level] > 0 {
            layer.insert(level, next_free);
            next_free += 1;
        }
    }

    let placed = Placed {
        catalogue,
        routes,
        pathways: &pathways,
        levels: &levels,
        lane_of: &lane_of,
        layer: &layer,
        links: &links,
        current,
    };
    Some(Map {
        wide: placed.wide(),
        tall: placed.tall(),
    })
}

/// Every level with its lane and layer, and the links between them: what
/// both layouts place.
struct Placed<'a> {
    catalogue: &'a Catalogue,
    routes: &'a Routes,
    pathways: &'a [Id],
    levels: &'a [(Id, usize)],
    lane_of: &'a HashMap<Id, usize>,
    layer: &'a HashMap<Id, u32>,
    links: &'a [(Id, Id)],
    current: Option<Id>,
}

impl Placed<'_> {
    /// A box for each level at the place `at` gives its lane and layer.
    fn nodes(
        &self,
        wrapped: &HashMap<Id, Vec<String>>,
        width: u32,
        box_height: u32,
        at: impl Fn(usize, u32) -> (u32, u32),
    ) -> Vec<Node> {
        self.levels
            .iter()
            .map(|&(level, lane)| {
                let (x, y) = at(lane, self.layer[&level]);
                let text = &wrapped[&level];
                // Lines centred in the box, on their baselines.
                let first =
                    y + (box_height - text.len() as u32 * LINE_HEIGHT) / 2 + LINE_HEIGHT - 4;
                Node {
                    id: self.catalogue[level].id.clone(),
                    url: self.routes.url_of(level).unwrap_or_default(),
                    lines: text
                        .iter()
                        .enumerate()
                        .map(|(at, line)| Line {
                            text: line.clone(),
                            x: x + PADDING,
                            y: first + at as u32 * LINE_HEIGHT,
                        })
                        .collect(),
                    x,
                    y,
                    width,
                    height: box_height,
                    current: self
                        .current
                        .is_some_and(|c| self.pathways.get(lane) == Some(&c)),
                }
            })
            .collect()
    }

    fn positions(&self, nodes: &[Node]) -> HashMap<Id, (u32, u32)> {
        self.levels
            .iter()
            .zip(nodes)
            .map(|(&(level, _), node)| (level, (node.x, node.y)))
            .collect()
    }

    fn wrapped(&self, chars: usize) -> (HashMap<Id, Vec<String>>, u32) {
        let wrapped: HashMap<Id, Vec<String>> = self
            .levels
            .iter()
            .map(|&(l, _)| (l, wrap(&self.catalogue[l].common.title.value, chars)))
            .collect();
        let lines = wrapped.values().map(Vec::len).max().unwrap_or(1) as u32;
        (wrapped, lines * LINE_HEIGHT + 2 * PADDING)
    }

    fn columns(&self) -> u32 {
        self.layer.values().max().copied().unwrap_or(0) + 1
    }

    /// Pathways as rows, read left to right.
    fn wide(&self) -> Layout {
        let (wrapped, box_height) = self.wrapped(LINE_CHARS);
        let lane_top = |lane: usize| MARGIN + lane as u32 * (LANE_LABEL + box_height + LANE_GAP);
        let column_left = |layer: u32| MARGIN + layer * (BOX_WIDTH + COLUMN_GAP);
        let nodes = self.nodes(&wrapped, BOX_WIDTH, box_height, |lane, layer| {
            (column_left(layer), lane_top(lane) + LANE_LABEL)
        });
        let position = self.positions(&nodes);
        let edges = self
            .links
            .iter()
            .map(|&(from, to)| {
                let (x1, y1) = position[&from];
                let (x2, y2) = position[&to];
                let (x1, x2) = (x1 + BOX_WIDTH, x2.saturating_sub(6));
                let (y1, y2) = (y1 + box_height / 2, y2 + box_height / 2);
                let cross = self.lane_of[&from] != self.lane_of[&to];
                let skips = self.layer[&to] > self.layer[&from] + 1;
                let d = if !cross && !skips {
                    format!("M{x1},{y1} H{x2}")
                } else if !cross {
                    // Over the boxes between, not through them.
                    let top = y1.saturating_sub(box_height / 2 + LANE_LABEL / 2);
                    format!(
                        "M{x1},{y1} C{},{top} {},{top} {x2},{y2}",
                        x1 + 40,
                        x2.saturating_sub(40)
                    )
                } else {
                    let bend = COLUMN_GAP / 2 + 8;
                    format!(
                        "M{x1},{y1} C{},{y1} {},{y2} {x2},{y2}",
                        x1 + bend,
                        x2 - bend
                    )
                };
                Edge { d, cross }
            })
            .collect();
        let lanes = self.lanes(|lane| (MARGIN, lane_top(lane) + LANE_LABEL - 8));
        Layout {
            width: column_left(self.columns()) - COLUMN_GAP + MARGIN,
            height: lane_top(self.pathways.len()) - LANE_GAP + MARGIN,
            lanes,
            nodes,
            edges,
        }
    }

    /// Pathways as columns, read top to bottom: each lane's name heads its
    /// column, and two lanes fit a phone's width side by side.
    fn tall(&self) -> Layout {
        let (wrapped, box_height) = self.wrapped(TALL_LINE_CHARS);
        let lane_left = |lane: usize| MARGIN + lane as u32 * (TALL_BOX_WIDTH + TALL_LANE_GAP);
        let row_top = |layer: u32| MARGIN + LANE_LABEL + layer * (box_height + TALL_ROW_GAP);
        let nodes = self.nodes(&wrapped, TALL_BOX_WIDTH, box_height, |lane, layer| {
            (lane_left(lane), row_top(layer))
        });
        let position = self.positions(&nodes);
        let edges = self
            .links
            .iter()
            .map(|&(from, to)| {
                let (x1, y1) = position[&from];
                let (x2, y2) = position[&to];
                let cross = self.lane_of[&from] != self.lane_of[&to];
                let skips = self.layer[&to] > self.layer[&from] + 1;
                let d = if !cross && !skips {
                    let x = x1 + TALL_BOX_WIDTH / 2;
                    format!("M{x},{} V{}", y1 + box_height, y2.saturating_sub(6))
                } else if !cross {
                    // Beside the boxes between, in the gap to the right.
                    let (x1, x2) = (x1 + TALL_BOX_WIDTH, x2 + TALL_BOX_WIDTH + 6);
                    let (y1, y2) = (y1 + box_height / 2, y2 + box_height / 2);
                    let out = x1 + TALL_LANE_GAP / 2;
                    format!("M{x1},{y1} C{out},{y1} {out},{y2} {x2},{y2}")
                } else {
                    let (x1, x2) = (x1 + TALL_BOX_WIDTH / 2, x2 + TALL_BOX_WIDTH / 2);
                    let (y1, y2) = (y1 + box_height, y2.saturating_sub(6));
                    let bend = TALL_ROW_GAP / 2 + 4;
                    format!(
                        "M{x1},{y1} C{x1},{} {x2},{} {x2},{y2}",
                        y1 + bend,
                        y2.saturating_sub(bend)
                    )
                };
                Edge { d, cross }
            })
            .collect();
        let lanes = self.lanes(|lane| (lane_left(lane), MARGIN + LANE_LABEL - 8));
        let count = self.pathways.len() as u32;
        Layout {
            width: MARGIN
                + count * TALL_BOX_WIDTH
                + count.saturating_sub(1) * TALL_LANE_GAP
                + MARGIN,
            height: row_top(self.columns()) - TALL_ROW_GAP + MARGIN,
            lanes,
            nodes,
            edges,
        }
    }

    fn lanes(&self, at: impl Fn(usize) -> (u32, u32)) -> Vec<Lane> {
        self.pathways
            .iter()
            .enumerate()
            .map(|(lane, &p)| {
                let (x, y) = at(lane);
                Lane {
                    title: self.catalogue[p].common.title.value.clone(),
                    x,
                    y,
                    current: self.current == Some(p),
                }
            })
            .collect()
    }
}

/// Each link between two levels on pathways: (needed, needing), in a
/// stable order, once each. A level needs another when one of its rules
/// names it, or names the credential it awards.
fn links(catalogue: &Catalogue, on_map: &HashMap<Id, usize>) -> Vec<(Id, Id)> {
    let mut awarded_by: HashMap<Id, Vec<Id>> = HashMap::new();
    for &level in on_map.keys() {
        if let Some(credential) = catalogue[level].as_level().and_then(|l| l.awards.as_ref()) {
            awarded_by.entry(credential.id).or_default().push(level);
        }
    }
    let mut links = Vec::new();
    let mut ordered: Vec<Id> = on_map.keys().copied().collect();
    ordered.sort_by_key(|id| id.index());
    for &level in &ordered {
        for (_, rule) in catalogue[level].rules() {
            for (reference, _) in rule.references() {
                let named = reference.id;
                let needed: Vec<Id> = if on_map.contains_key(&named) {
                    vec![named]
                } else {
                    awarded_by.get(&named).cloned().unwrap_or_default()
                };
                for before in needed {
                    if before != level && !links.contains(&(before, level)) {
                        links.push((before, level));
                    }
                }
            }
        }
    }
    links
}

/// A title in lines of at most `chars` characters, broken between words,
/// at most [`MAX_LINES`] of them (the last ends in "…" when cut).
fn wrap(title: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in title.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{LINE_CHARS, map, wrap};
    use crate::testing::{md, resolved};

    #[test]
    fn a_level_comes_after_all_it_needs_even_through_a_credential() {
        let (_dir, site) = resolved(&[
            (
                "site.toml",
                "title = \"T\"\nbase_url = \"https://t.example.org\"",
            ),
            (
                "content/pathways/first.md",
                &md("title = \"First\"\nsummary = \"S\""),
            ),
            (
                "content/pathways/second.md",
                &md("title = \"Second\"\nsummary = \"S\""),
            ),
            (
                "content/credentials/badge.md",
                &md("title = \"Badge\"\nsummary = \"S\""),
            ),
            (
                "content/levels/a.md",
                &md("title = \"A\"\nsummary = \"S\"\npathway = \"first\"\norder = 1"),
            ),
            (
                "content/levels/b.md",
                &md(
                    "title = \"B\"\nsummary = \"S\"\npathway = \"first\"\norder = 2\nrequires = \"a\"\nawards = \"badge\"",
                ),
            ),
            (
                "content/levels/c.md",
                &md(
                    "title = \"C\"\nsummary = \"S\"\npathway = \"second\"\norder = 1\nrequires = \"badge\"",
                ),
            ),
        ]);
        let map = map(&site.catalogue, &site.routes, None).expect("a map");
        let x = |id: &str| {
            map.wide
                .nodes
                .iter()
                .find(|n| n.id == id)
                .map(|n| n.x)
                .expect(id)
        };
        assert!(x("a") < x("b"), "steps go left to right");
        assert!(x("b") < x("c"), "C needs B's badge, so it comes after B");
        assert_eq!(
            map.wide.edges.len(),
            2,
            "a → b, and b → c through the badge"
        );
        assert_eq!(map.wide.edges.iter().filter(|e| e.cross).count(), 1);
        assert_eq!(map.wide.lanes.len(), 2);
        // Tall: the same order top to bottom, each pathway a column.
        let at = |id: &str| {
            map.tall
                .nodes
                .iter()
                .find(|n| n.id == id)
                .map(|n| (n.x, n.y))
                .expect(id)
        };
        assert!(at("a").1 < at("b").1 && at("b").1 < at("c").1);
        assert_eq!(at("a").0, at("b").0, "one pathway, one column");
        assert!(at("c").0 > at("b").0);
        assert!(
            map.tall.width <= 360,
            "two pathways fit a phone: {}",
            map.tall.width
        );
        assert_eq!(map.tall.edges.len(), 2);
        assert_eq!(
            map.wide
                .nodes
                .iter()
                .map(|n| n.url.as_str())
                .collect::<Vec<_>>(),
            ["/levels/a/", "/levels/b/", "/levels/c/"],
            "every box is a link"
        );
    }

    #[test]
    fn titles_wrap_between_words() {
        let wrap = |title| wrap(title, LINE_CHARS);
        assert_eq!(wrap("Level 1"), ["Level 1"]);
        assert_eq!(
            wrap("Mentorship with Intimacy Coordinators Canada"),
            ["Mentorship with", "Intimacy Coordinators", "Canada"]
        );
        assert_eq!(
            wrap(
                "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
            ),
            [
                "one two three four",
                "five six seven eight",
                "nine ten eleven twelve…"
            ]
        );
    }

    #[test]
    fn a_step_that_needs_a_later_step_still_gets_a_place_of_its_own() {
        let (_dir, site) = resolved(&[
            (
                "site.toml",
                "title = \"T\"\nbase_url = \"https://t.example.org\"",
            ),
            (
                "content/pathways/p.md",
                &md("title = \"P\"\nsummary = \"S\""),
            ),
            (
                "content/levels/a.md",
                &md("title = \"A\"\nsummary = \"S\"\npathway = \"p\"\norder = 1\nrequires = \"c\""),
            ),
            (
                "content/levels/b.md",
                &md("title = \"B\"\nsummary = \"S\"\npathway = \"p\"\norder = 2"),
            ),
            (
                "content/levels/c.md",
                &md("title = \"C\"\nsummary = \"S\"\npathway = \"p\"\norder = 3"),
            ),
        ]);
        let map = map(&site.catalogue, &site.routes, None).expect("a map");
        let mut xs: Vec<u32> = map.wide.nodes.iter().map(|n| n.x).collect();
        xs.sort_unstable();
        xs.dedup();
        assert_eq!(
            xs.len(),
            3,
            "no two boxes on one another: {:?}",
            map.wide.nodes
        );
    }
}
