use super::*;

#[test]
fn a_tail_that_only_removed_lines_paid_for_is_trimmed() {
    // Two paragraphs, two short lines, then a heading and a teaser that a
    // context rule removed: the short lines lose what held them in.
    let scores = [2.0, 2.0, -0.3, -0.3, -1.0, 2.5];
    let removed = Some(Mark {
        reason: 0,
        rule: 0,
        weak: false,
        opens_comments: false,
    });
    let marks = [None, None, None, None, removed, removed];
    // One region over all six lines.
    let whole_page = || State {
        region: 0..6,
        regions: std::iter::once(0..6).collect(),
        article: vec![true; 6],
        title: None,
        comments: None,
    };
    let mut state = whole_page();
    assert!(settle_region_ends(&mut state, &marks, &scores));
    assert_eq!(state.region, 0..2);
    assert_eq!(state.regions.first(), Some(&(0..2)));
    assert_eq!(state.regions.len(), 1);
    assert_eq!(state.article, [true, true, false, false, false, false]);
    // A region whose end still pays for itself is left alone.
    let marks = [None, None, None, None, None, None];
    let mut state = whole_page();
    assert!(!settle_region_ends(&mut state, &marks, &scores));
    assert_eq!(state.region, 0..6);
}

#[test]
fn a_comment_header_or_copyright_after_the_article_prose_ends_it() {
    let post = "The river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.\n\nEngineers will inspect the piers on Monday, and the council expects to reopen the bridge to walkers by the end of the week.\n\n";
    // A comment, then sidebar blurbs long enough to outscore the header.
    let below = "Thanks for the update on the bridge works.\n\nThe old mill on the river is finally being turned into flats after a decade of arguments between the owners and the town, and the first residents are expected to move in next spring.\n\nOur readers wrote to us about the plan for the bridge, and most of them would rather see a new crossing built a little further downstream where the banks are higher.\n";
    use crate::rules::testing::{assert_has_line, kept};
    for end in ["1 Comment", "Copyright © 2008 Example Radio"] {
        let after = kept(&format!("{post}{end}\n\n{below}"));
        assert_eq!(after.len(), 2, "{end}: {after:?}");
        assert!(after[1].starts_with("Engineers"));
    }
    // A photo credit that ends a caption is not the site's notice.
    assert!(!is_site_notice("Harbour at dawn, 1982 © Jo Bloggs 2008"));
    // A count above the prose (beside the byline) cuts nothing.
    let before = kept(&format!("1 Comment\n\n{post}"));
    assert_has_line(&before, "Engineers");
}

/// Three paragraphs of article text.
const BODY: &str = "The river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.\n\nEngineers will inspect the piers on Monday, and the council expects to reopen the bridge to walkers by the end of the week.\n\nThe vote on the new crossing was unanimous, and the work is to start in the spring once the river is low enough.\n";

#[test]
fn a_dek_under_a_dated_headline_is_kept_and_a_doubled_caption_is_not() {
    use crate::rules::testing::{assert_has_line, assert_no_line, kept};
    let head = "Council votes to rebuild the old river bridge\n\nPublished November 20th, 2019 - 07:29 GMT\n\n";
    let dek = "The new crossing will open in two years and cost the town far less than its engineers had feared.\n\n";
    let shares = "* Share on Facebook\n* Share on Twitter\n* Share by email\n* Print\n* Save\n\n";
    let with_dek = kept(&format!("{head}{dek}{shares}{BODY}"));
    assert_has_line(&with_dek, "The new crossing");
    // Printed twice in a row, it is an image's alt text and caption.
    let doubled = kept(&format!("{head}{dek}{dek}{shares}{BODY}"));
    assert_no_line(&doubled, "The new crossing");
}

#[test]
fn a_short_post_above_a_related_posts_heading_is_the_article() {
    use crate::rules::testing::{assert_has_line, assert_no_line, kept};
    let post = "Live from the camp\n\nPosted on 17 December 2019 by Sam Lee\n\nAt this year's camp in Berlin we recorded an episode live on stage, with three guests who talked about how teams share what they know.\n\n";
    // Share buttons part the post from its footer.
    let shares =
        "Share this:\n\n* Twitter\n* Facebook\n* Flattr\n\nLike this:\n\nLike Loading...\n\n";
    let footer = "Related posts\n\nThis entry was posted in Podcast and tagged berlin, camp by Sam Lee, and you can bookmark the permalink for later.\n\nAbout Sam Lee\n\nSam Lee runs the academy and has worked for twenty years on how companies keep and share knowledge. Before that, Sam studied electrical engineering and taught at a technical college for several years.\n";
    let out = kept(&format!("{post}{shares}{footer}"));
    assert_has_line(&out, "At this year's camp");
    assert_no_line(&out, "This entry");
}

#[test]
fn a_short_dek_under_the_headline_is_kept_above_a_credited_caption() {
    use crate::rules::testing::{assert_has_line, kept};
    let page = format!("Council votes to rebuild the old river bridge\n\nThe mayor called the vote the end of a long wait for the town.\n\nLocal news desk\n\nThe old bridge at dawn on Monday (REUTERS/Anna Berg)\n\n{BODY}");
    let out = kept(&page);
    assert_has_line(&out, "The mayor called");
    assert!(!out.iter().any(|l| l.contains("REUTERS")), "{out:?}");
}

#[test]
fn a_further_part_needs_lines_that_end_sentences() {
    use crate::rules::testing::{assert_has_line, assert_no_line, kept};
    let menu = "Home\n\nNews\n\nSport\n\nWeather\n\nAbout us\n\nContact\n\nJobs\n\nAdvertise\n\n";
    // Two of them, as a lone short part below the article is dropped.
    let blurb = |desk: &str, sentence_end: &str| {
        format!("The {desk} of the paper can be reached with any questions or requests about subscriptions, deliveries and the archive on weekdays between nine in the morning and five in the afternoon by telephone on 555 0100 or by email at help{sentence_end}\n\n")
    };
    let page = |end: &str| {
        format!(
            "{BODY}\n{menu}{}{menu}{}",
            blurb("customer service centre", end),
            blurb("archive desk", end)
        )
    };
    let contact = kept(&page(" at example.com"));
    assert_no_line(&contact, "The customer");
    let sentences = kept(&page(" at example.com."));
    assert_has_line(&sentences, "The customer");
}

#[test]
fn a_lone_short_part_below_the_article_is_its_footer() {
    use crate::rules::testing::{assert_has_line, assert_no_line, kept};
    let menu = "Home\n\nNews\n\nSport\n\nWeather\n\nAbout us\n\nContact\n\nJobs\n\nAdvertise\n\n";
    let bio = |name: &str| {
        format!("{name} is a staff writer who covers the town hall and the courts, and returned home after ten years abroad, where she reported on elections, floods and the long fight over the harbour, to write about local politics, planning and the people who live with both.\n\n")
    };
    let lone = format!("{BODY}\n{menu}{}{menu}", bio("Jo Bloggs"));
    let lone = kept(&lone);
    assert_no_line(&lone, "Jo Bloggs");
    // Three paragraphs below an ad are the story going on.
    let goes_on = format!("{BODY}\n{menu}The ferry has carried more people this month than in all of last year, it said.\n\nShopkeepers on the far bank say that trade has fallen by a third since May.\n\nThe council will ask the region for help with the cost of the repairs.\n\n{menu}");
    let goes_on = kept(&goes_on);
    assert_has_line(&goes_on, "The council will");
    // Two such parts make a series (a list article's entries) and stay.
    let series = format!(
        "{BODY}\n{menu}{}{menu}{}{menu}",
        bio("Jo Bloggs"),
        bio("Ann Other")
    );
    let series = kept(&series);
    assert_has_line(&series, "Jo Bloggs");
}

#[test]
fn a_list_under_a_repeated_introducer_between_sections_is_article() {
    use crate::rules::testing::kept;
    // A list article: each section's list sits under the same subheading,
    // which the page repeats and so only suspects as noise.
    let section = |name: &str, body: &str| {
        format!("{name}\n\n{body}\n\nEach module at the {name} ends with a project that a tutor reviews, and the feedback comes within a week of handing it in.\n\nStudents who finish the {name} course get a certificate that employers in the field know and respect.\n\nWhat you will learn:\n\n* Elements and principles of design at the {name}\n* An introduction to layout at the {name}\n* Photo manipulation with the {name} tools\n* Poster design from sketch to print at the {name}\n* Brochure design and preparing files for the {name}\n\n")
    };
    let page = [
        section("Design School", "The design school has taught beginners online for fifteen years, and its courses are among the most thorough you can find."),
        "Recommended courses:\n\n".to_string(),
        section("Art Academy", "The academy's course suits people who already draw and want to move their skills to the screen, at their own pace."),
        section("Print Workshop", "This workshop is the one to pick if your work ends up on paper, since every module ends with a printed piece you can keep."),
    ]
    .concat();
    let out = kept(&format!(
        "The best graphic design courses of the year\n\n{page}"
    ));
    // The lists between sections; the last one ends the page.
    for school in ["Design School", "Art Academy"] {
        let item = format!("* Brochure design and preparing files for the {school}");
        assert!(out.contains(&item), "{out:?}");
    }
}

#[test]
fn the_block_map_gives_the_runs_weighed_and_why() {
    let blurb = "Menu\n\nHome\n\nNews\n\nSport\n\nWeather\n\nContact\n\nAbout us\n\nJo Bloggs has written about the river and its bridges for the Gazette since 1998, and she lives in the old mill by the weir.\n";
    let page = format!("{BODY}\nShare\n\nTweet\n\nEmail\n\nPrint\n\n{blurb}");
    let cleaned = crate::clean(&page);
    let blocks = &cleaned.block_map().blocks;
    let taken: Vec<_> = blocks.iter().filter(|b| b.taken).collect();
    assert_eq!(taken.len(), 1, "{blocks:?}");
    assert_eq!((taken[0].first, taken[0].last), (1, 5));
    assert_eq!(taken[0].why, "best score");
    let left = blocks
        .iter()
        .find(|b| !b.taken)
        .expect("the blurb is weighed");
    assert_eq!(left.first, 29, "{blocks:?}");
    assert!(
        left.why.starts_with("a further part needs a score of"),
        "{left:?}"
    );
    assert!(
        cleaned.explain().contains("   - line 29 "),
        "{}",
        cleaned.explain()
    );
}

#[test]
fn a_line_of_code_scores_nothing_marked_or_not() {
    for code in [
        "int add(int x, int y) {",
        "}",
        "});",
        "  ]",
        "if (ready) {",
        "var cow = new Cow();",
        "// cow.js",
        "<div id=\"mocha\"></div>",
        "</head>",
        "<!DOCTYPE html>",
    ] {
        assert!(is_code_line(code), "{code:?}");
    }
    for text in [
        "",
        "The council met on Tuesday.",
        "(see below)",
        "{braces} inside",
        "<back | forward >",
        "< Prev",
    ] {
        assert!(!is_code_line(text), "{text:?}");
    }
    let page = Page::analyse("We build it like this:\n}\nfn main() {");
    let params = Params::for_preset(crate::config::Preset::Balanced);
    assert_eq!(line_score(&page, 1, true, &params), 0.0);
    assert_eq!(line_score(&page, 2, false, &params), 0.0);
    assert!(line_score(&page, 0, true, &params) < 0.0);
}

#[test]
fn teasers_under_a_related_links_heading_are_no_further_part() {
    use crate::rules::testing::{assert_has_line, assert_no_line, kept};
    let more = "Divers found the old ferry's anchor in the mud under the bridge, where it had lain since the storm of 1953.\n\nThe museum has asked to show the anchor next summer, beside photographs of the ferry and its crew.\n\nA footbridge will carry walkers across the river while the work goes on, the council said on Friday.\n\n";
    // A share bar and a sign-up prompt end the article's run.
    let bar = "Share this article\n\nFacebook\n\nTwitter\n\nEmail\n\nSign up for our newsletter\n\nAdvertisement\n\n";
    let teasers = "Most read in local news\n\nHOUSING\n\nCouncil approves two hundred new homes on the old mill site after a long debate.\n\nSPORT\n\nTown football club wins its first cup in forty years after a late goal.\n\nWEATHER\n\nForecasters warn of more rain on the hills this weekend, and of floods.\n\nSCHOOLS\n\nHeadteacher retires after thirty years at the primary school by the river.\n\n";
    let longer = "Shops on both banks stayed open, though several owners said that trade had fallen since the closure began.\n\nThe bus company has added a second route through the upper town to carry passengers around the closed bridge.\n\nSchools on the far bank will open half an hour later until the footbridge is ready, the education office said.\n\nThe mayor thanked the engineers and asked residents to be patient while the inspections go on through the month.\n\n";
    let page = format!("{BODY}\n{more}{longer}{bar}{teasers}");
    let out = kept(&page);
    assert_has_line(&out, "A footbridge");
    assert_no_line(&out, "Council approves");
    assert_no_line(&out, "Forecasters");
}

#[test]
fn numbered_sections_parted_by_link_lists_are_all_article() {
    use crate::rules::testing::{assert_has_line, kept};
    // A ranking under a long introduction: each school's section holds one
    // paragraph and its facts, and a list of links to the site's guides
    // parts it from the next.
    let mut intro = format!("{BODY}\n");
    for week in 1..=16 {
        intro.push_str(&format!("In week {week} the ferry carried {week}00 more passengers across the river than in the same week of last year, the operator said.\n\n"));
    }
    let mut page = intro.clone();
    for (n, school) in [
        (1, "Harbour College"),
        (2, "Hill School of Business"),
        (3, "River Institute"),
        (4, "Lakeside University"),
    ] {
        page.push_str(&format!(
            "## {n}\\. {school}\n\n{school} is known for its small classes and its ties to the region's employers, who hire many of its graduates.\n\n* **Class Size:** {n}30\n* **Acceptance Rate:** {n}4%\n\n#### More on {school}:\n\n* [Guide to the {school} interview](https://example.com/{n}/interview)\n* [How to get into {school}](https://example.com/{n}/admission)\n* [Essay tips for {school}](https://example.com/{n}/essays)\n\n"
        ));
    }
    let cleaned = kept(&page);
    for school in [
        "Harbour College",
        "Hill School of Business",
        "River Institute",
    ] {
        assert_has_line(&cleaned, &format!("{school} is known for"));
    }
    // Numbered comments under dated names are no such series.
    let mut comments = intro;
    for n in 1..=4 {
        comments.push_str(&format!(
            "{n}. Reader{n} 1/{n}/2023 at 6:2{n}am\n\nThank you so much for this list, it helped me find the course {n} I had looked for since last year.\n\n* [Reply](https://example.com/c/{n})\n* [Report](https://example.com/r/{n})\n* [Share](https://example.com/s/{n})\n\n"
        ));
    }
    let cleaned = kept(&comments);
    assert!(
        !cleaned.iter().any(|l| l.contains("the course 3")),
        "{cleaned:?}"
    );
}
