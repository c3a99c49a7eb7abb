use super::*;

fn reg(id: &Identity) -> (Option<&str>, Option<&str>, Option<&str>, Option<&str>) {
    let r = id.region.as_ref();
    (
        r.and_then(|r| r.province.as_deref()),
        r.and_then(|r| r.city.as_deref()),
        r.and_then(|r| r.county.as_deref()),
        r.and_then(|r| r.code.as_deref()),
    )
}

#[test]
fn ambiguous_township_narrowed_by_area_code() {
    let id = identify("刘集镇", "我镇政务公开", Some("0552"));
    assert_eq!(id.agency, "刘集镇");
    assert_eq!((id.agency_type, id.level), (AgencyType::Town, Some(Level::Township)));
    assert_eq!(reg(&id), (Some("安徽省"), Some("蚌埠市"), Some("固镇县"), Some("340323104")));
    assert_eq!(id.region.as_ref().map(|r| r.candidates), Some(1));
}

#[test]
fn ambiguous_township_without_clues_is_not_guessed() {
    let id = identify("刘集镇", "", None);
    let r = id.region.clone().unwrap_or_default();
    assert_eq!(r.candidates as usize, name_count("刘集镇"));
    assert!(r.candidates > 1);
    assert_eq!((r.city, r.county), (None, None));
}

#[test]
fn ambiguous_township_narrowed_by_county_mentioned() {
    let id = identify("刘集镇", "固镇县刘集镇2020年……固镇县", None);
    assert_eq!(reg(&id).2, Some("固镇县"));
}

#[test]
fn chain_of_place_names() {
    let id = identify("韶关市武江区西联镇人民政府", "", None);
    assert_eq!(id.agency, "西联镇");
    assert_eq!(id.agency_type, AgencyType::Town);
    assert_eq!(reg(&id), (Some("广东省"), Some("韶关市"), Some("武江区"), Some("440203100")));
}

#[test]
fn former_county_name_resolves_to_current() {
    let id = identify("米林县派镇人民政府", "", None);
    assert_eq!(id.agency, "派镇");
    assert_eq!(reg(&id), (Some("西藏自治区"), Some("林芝市"), Some("米林市"), Some("540481101")));
}

#[test]
fn unique_townships() {
    let id = identify("肖寨门镇", "肖寨门镇政府", None);
    assert_eq!(reg(&id), (Some("辽宁省"), Some("沈阳市"), Some("辽中区"), Some("210115109")));
    let id = identify("九间楼乡", "", None);
    assert_eq!(id.agency_type, AgencyType::Township);
    assert_eq!(reg(&id), (Some("新疆维吾尔自治区"), Some("塔城地区"), Some("乌苏市"), Some("654202202")));
}

#[test]
fn prefecture_and_county_level_city() {
    let id = identify("淮安市人民政府", "", None);
    assert_eq!(
        (id.agency.as_str(), id.agency_type, id.level),
        ("淮安市", AgencyType::Prefecture, Some(Level::Prefecture))
    );
    assert_eq!(reg(&id), (Some("江苏省"), Some("淮安市"), None, Some("3208")));
    let id = identify("乌苏市人民政府", "", None);
    assert_eq!((id.agency_type, id.level), (AgencyType::County, Some(Level::County)));
    assert_eq!(reg(&id).3, Some("654202"));
}

#[test]
fn departments_zones_and_provinces() {
    let id = identify("沭阳县发展和改革局", "", None);
    assert_eq!(
        (id.agency.as_str(), id.agency_type, id.level),
        ("沭阳县发展和改革局", AgencyType::Department, Some(Level::County))
    );
    assert_eq!(reg(&id).2, Some("沭阳县"));
    let id = identify("上海市人民政府办公厅", "", None);
    assert_eq!((id.agency_type, id.level), (AgencyType::Department, Some(Level::Province)));
    let id = identify("安徽省人民政府", "", None);
    assert_eq!((id.agency.as_str(), id.agency_type), ("安徽省", AgencyType::Province));
    let id = identify("固镇县经济开发区管委会", "", None);
    assert_eq!((id.agency_type, id.level), (AgencyType::Other, Some(Level::County)));
}

#[test]
fn typo_is_corrected_with_a_note() {
    let id = identify("固镇县刘急镇人民政府", "", None);
    assert_eq!((id.agency.as_str(), id.agency_type), ("刘集镇", AgencyType::Town), "{:?}", id.notes);
    assert_eq!(reg(&id).3, Some("340323104"));
    assert!(id.notes.iter().any(|n| n.contains("corrected 刘急镇 to 刘集镇")), "{:?}", id.notes);
}

#[test]
fn typo_with_two_readings_is_not_guessed() {
    // 洒阳县 is one character from 沭阳县 and from 泗阳县, both in 宿迁市; neither looks alike.
    let id = identify("洒阳县人民政府", "宿迁市洒阳县人民政府……宿迁市", None);
    let r = id.region.clone().unwrap_or_default();
    assert_eq!((r.city.as_deref(), r.county.as_deref(), r.candidates), (Some("宿迁市"), None, 2));
}

#[test]
fn subdistrict_and_municipal_district() {
    let id = identify("北京市朝阳区人民政府", "", None);
    assert_eq!(reg(&id), (Some("北京市"), None, Some("朝阳区"), Some("110105")));
    assert_eq!(id.agency_type, AgencyType::County);
    let id = identify("东华门街道办事处", "", None);
    assert_eq!((id.agency.as_str(), id.agency_type), ("东华门街道", AgencyType::Subdistrict));
}

#[test]
fn area_codes() {
    assert_eq!(area_code_places("0552"), vec!["蚌埠市".to_string()]);
    assert_eq!(area_code_places("552"), vec!["蚌埠市".to_string()]);
}

#[test]
fn garbage_never_panics() {
    let junk = "政府信息公开工作年度报告abc０１２\u{0}\u{1b}[31m镇镇镇乡街道办事处人民政府政府";
    let chars: Vec<char> = junk.chars().collect();
    for w in 0..chars.len() {
        for len in 0..6 {
            let s: String = chars.iter().skip(w).take(len).collect();
            let _ = identify(&s, junk, Some("0"));
        }
    }
    let id = identify("", "", None);
    assert_eq!((id.agency_type, id.region), (AgencyType::Unknown, None));
}

#[test]
fn national_bodies_and_late_place_names() {
    let id = identify("国家发展和改革委员会", "", None);
    assert_eq!((id.agency_type, id.level, id.region.is_none()), (AgencyType::Department, None, true));
    let id = identify("国家税务总局沭阳县税务局", "", None);
    assert_eq!((id.agency_type, id.level), (AgencyType::Department, Some(Level::County)));
    assert_eq!(reg(&id).2, Some("沭阳县"));
    let id = identify("某某某某", "", None);
    assert_eq!(id.agency_type, AgencyType::Unknown);
}

#[test]
fn look_alike_characters_repair_ocr_damage() {
    // 沐/沭 differ by a dot: of the 49 one-character repairs of 沐阳县 only 沭阳县 looks alike.
    for context in ["", "宿迁市沐阳县人民政府……宿迁市"] {
        let id = identify("沐阳县人民政府", context, None);
        assert_eq!((id.agency.as_str(), id.agency_type), ("沭阳县", AgencyType::County), "{:?}", id.notes);
        assert_eq!(reg(&id).3, Some("321322"));
    }
    let id = identify("沐阳县发展和改革局", "", None);
    assert_eq!((id.agency_type, reg(&id).2), (AgencyType::Department, Some("沭阳县")));
    assert_eq!(id.agency, "沭阳县发展和改革局");
}

#[test]
fn zones_are_other_with_the_level_and_place_they_carry() {
    // Listed by the NBS as county-level units numbered 7x: other, county level.
    let id = identify("石家庄高新技术产业开发区管委会", "", None);
    assert_eq!((id.agency_type, id.level, reg(&id).3), (AgencyType::Other, Some(Level::County), Some("130171")));
    // Not listed: the place its name carries, by the stem alone.
    let id = identify("平潭综合实验区管委会", "", Some("0591"));
    assert_eq!((id.agency_type, id.level), (AgencyType::Other, Some(Level::County)), "{:?}", id.notes);
    assert_eq!(reg(&id), (Some("福建省"), Some("福州市"), Some("平潭县"), Some("350128")));
    // A zone inside a prefecture: that region, level unknown.
    let id = identify("宿迁市智慧谷示范区管理委员会", "", None);
    assert_eq!((id.agency_type, id.level, reg(&id).1), (AgencyType::Other, None, Some("宿迁市")));
    // No place in the gazetteer: other, nothing guessed (not 安新县 inside 雄安新区).
    let id = identify("雄安新区管理委员会", "", None);
    assert_eq!((id.agency_type, id.region.is_none()), (AgencyType::Other, true), "{:?}", id.region);
    // A district named 新区 is a county government.
    let id = identify("上海市浦东新区人民政府", "", None);
    assert_eq!(id.agency_type, AgencyType::County);
}

#[test]
fn words_around_a_place_are_not_a_unit() {
    for name in ["路南区党委高度重视", "布沙市区人民政府", "工作"] {
        let id = identify(name, "", None);
        assert_eq!(id.agency_type, AgencyType::Unknown, "{name}: {id:?}");
    }
}

#[test]
fn units_under_a_county_and_a_province() {
    let (region, towns) = units_under(Some("安徽"), None, Some("固镇"), Level::Township).expect("固镇县");
    assert_eq!(region.map(|r| r.name).as_deref(), Some("固镇县"));
    assert!(towns.len() >= 8, "{towns:?}");
    assert!(towns.iter().all(|t| t.code.starts_with("340323") && t.level == Level::Township));
    assert!(towns.iter().any(|t| t.name == "刘集镇"));
    assert!(towns.windows(2).all(|w| w[0].code < w[1].code));
    let (_, counties) = units_under(Some("安徽省"), Some("蚌埠"), None, Level::County).expect("蚌埠市");
    assert!(counties.iter().any(|c| c.name == "固镇县") && counties.iter().all(|c| c.code.starts_with("3403")));
    assert!(units_under(Some("火星"), None, None, Level::County).is_err_and(|e| e.contains("火星")));
    // 城关镇 is everywhere; a county name that several provinces share needs its province.
    assert!(units_under(None, None, Some("城关"), Level::Township).is_err());
}
