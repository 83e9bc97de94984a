use super::{fold, site_suffix};
use crate::{Cleaner, Config, Hints};

#[test]
fn the_story_the_url_names_is_the_article_of_a_page_that_runs_on() {
    let first = "Darán bendición a vehículos este sábado\n\nConductores de todo tipo de vehículos están invitados a la bendición anual que ofrecen mañana los hermanos en la avenida.\n\nSerá este sábado desde las seis de la mañana hasta las nueve de la noche, sobre las dos veredas de la avenida.\n\n";
    let second = "Imputan a diez personas por el robo de cables\n\nLa fiscalía imputó a diez personas por el robo de cables de cobre en varias ciudades del departamento central durante el último año, según informó este viernes el ministerio público en un comunicado.\n\nLos investigadores dijeron que el grupo vendía el cobre a chatarrerías de la capital, que lo exportaban después como material reciclado a países vecinos sin que nadie preguntara por su origen.\n\nEl juez dispuso la prisión preventiva de seis de los imputados, mientras que los otros cuatro quedaron bajo arresto domiciliario hasta que se celebre el juicio oral, previsto para el año que viene.\n\nLa empresa de electricidad estimó las pérdidas en más de dos millones de dólares, sin contar el costo de las reparaciones ni el de los cortes de luz que sufrieron miles de familias en los barrios afectados.\n\nLos vecinos de las zonas afectadas habían denunciado los robos durante meses, y varias asociaciones de comerciantes pidieron a la policía que reforzara las patrullas nocturnas en las avenidas principales.\n\nEl ministerio del interior anunció que instalará cámaras de vigilancia en los puntos donde se registraron más robos y que ofrecerá recompensas a quienes aporten datos sobre las redes de compradores del metal.\n";
    // Between the stories, the first one's tags and teasers.
    let between = "Etiquetas:\nautos bendición capuchinos\n\nLeé también\n\nNacionales\n\nCapuchinos invitan a bendición anual de v...\n\nNacionales\n\nEn día de San Francisco, invitan a bendic...\n\nNacionales\n\nAlertan mecanismo de estafa con vehículos...\n\n";
    let page =
        format!("Diario | Portada\n\nInicio\nNacionales\nDeportes\n\n{first}{between}{second}");
    let cleaner = Cleaner::new(Config::default()).expect("default config");
    let hints = Hints::default()
        .with_url("https://diario.example/nacionales/daran-bendicion-a-vehiculos-este-sabado");
    let cleaned = cleaner.clean_with(&page, &hints);
    assert_eq!(
        cleaned.title(),
        Some("Darán bendición a vehículos este sábado")
    );
    // Its story is the main run, not a further part of another.
    let reason = |c: &crate::Cleaned<'_>| {
        c.decisions()
            .find(|d| page[d.span.clone()].starts_with("Conductores"))
            .map(|d| d.reason.to_string())
    };
    assert_eq!(
        reason(&cleaned).as_deref(),
        Some("prose inside the article")
    );
    // Without the URL, the longer story is the article.
    let unhinted = cleaner.clean(&page);
    assert_ne!(unhinted.title(), cleaned.title());
    assert_eq!(fold("grüße", true), "gruesse");
    assert_eq!(fold("darán", false), "daran");
}

#[test]
fn one_paragraph_under_the_url_named_headline_beats_a_run_far_below() {
    // A video page: its headline and one paragraph, the player's
    // controls, teasers and the site's menus, then a login dialog's
    // messages.
    let mut page = String::from("Sport\n\nUS-Sport in Zeiten von Corona\n\nvon Andreas Kürten\n\nNew York ist das Epizentrum der Corona-Pandemie in den USA, und auch der Sport ist dort zum Stillstand gekommen.\n\n2 min\n\nVideo herunterladen\n\nAuch interessant\n\n");
    for entry in 1..=24 {
        page += &format!("Sendung {entry}\n");
    }
    page += "\nDein Passwort wurde erfolgreich geändert, und du kannst dich ab sofort mit dem neuen Passwort anmelden.\n\nWillkommen bei uns! Du erhältst von uns in Kürze eine E-Mail, und mit dem Link darin ist die Anmeldung abgeschlossen.\n\nWir bitten um einen Moment Geduld, bis die Aktivierung deines Kontos abgeschlossen ist, und danke für dein Interesse.\n";
    let cleaner = Cleaner::new(Config::default()).expect("default config");
    let hints = Hints::default()
        .with_url("https://tv.example/sport/us-sport-in-zeiten-von-corona-100.html");
    let cleaned = cleaner.clean_with(&page, &hints);
    assert!(
        cleaned.text().contains("New York ist das Epizentrum"),
        "{}",
        cleaned.text()
    );
    assert!(!cleaned.text().contains("Passwort"), "{}", cleaned.text());
}

#[test]
fn a_site_suffix_is_a_short_name_after_a_separator() {
    assert_eq!(
        site_suffix("Iran Strikes U.S. Targets - Rolling Stone"),
        Some(("Iran Strikes U.S. Targets", "Rolling Stone"))
    );
    assert_eq!(
        site_suffix("Bridge Repairs Finish Early | gazette.example"),
        Some(("Bridge Repairs Finish Early", "gazette.example"))
    );
    // A year, a phrase, a subtitle are part of the title.
    assert_eq!(site_suffix("Best Cheap Costumes | 2020"), None);
    assert_eq!(
        site_suffix("Remote Support – AR-Kundenservice der Zukunft?"),
        None
    );
    assert_eq!(
        site_suffix("Bridge Repairs - A Story Of The Whole City"),
        None
    );
    assert_eq!(site_suffix("Repairs - Gazette"), None);
}

#[test]
fn a_heading_under_a_breadcrumb_that_ends_with_it_opens_the_article() {
    let menu = "* Home\n* MicroConsult “As someone trying to get my self-funded startup going, both time and money are at a premium, and this helped.”\n* Podcast\n* About Bob Walsh Bob Walsh is the author of a guide to web startups, and co-hosts a weekly podcast about them.\n";
    let article = "Bridge Repairs Finish Early\nThe river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.\nEngineers will inspect the piers on Monday, and the council expects to reopen the bridge to walkers by the end of the week.\n";
    use crate::rules::testing::kept;
    let under_crumb = kept(&format!(
        "{menu}Home / Bridge Repairs Finish Early\n{article}"
    ));
    assert_eq!(under_crumb.len(), 3, "{under_crumb:?}");
    assert_eq!(under_crumb[0], "Bridge Repairs Finish Early");
    // A breadcrumb that ends elsewhere vouches for nothing.
    let elsewhere = kept(&format!("{menu}Home / Town News\n{article}"));
    assert!(elsewhere.len() > 3, "{elsewhere:?}");
}

#[test]
fn the_heading_above_the_byline_is_the_headline() {
    let menu = "Home\nNews\nSport\nJobs\n";
    let top = "Bradford could lose its community grants\nBy Anika Bourley\nComment | Read Comments (2)\nCoun Kris Hopkins\n";
    let article = "Up to fifteen million pounds could be taken from the village halls and community groups of the district to fund the games.\nLocal leaders reacted with fury after the money was moved from the lottery fund to pay for the stadium and its roads.\n";
    use crate::rules::testing::kept;
    let signed = kept(&format!("{menu}{top}{article}"));
    assert_eq!(
        signed[0], "Bradford could lose its community grants",
        "{signed:?}"
    );
    assert_eq!(signed.len(), 3, "{signed:?}");
    // Without the byline, the line right above the article is taken.
    let unsigned = kept(&format!(
        "{menu}{}{article}",
        top.replace("By Anika Bourley\n", "")
    ));
    assert_eq!(unsigned[0], "Coun Kris Hopkins", "{unsigned:?}");
    // A byline right above the article is no headline itself.
    let cleaner = Cleaner::new(Config::default()).expect("default config");
    let bare = format!("{menu}[-] Text [+]\nBy Tom Ashby\n{article}");
    assert_ne!(cleaner.clean(&bare).title(), Some("By Tom Ashby"));
}
