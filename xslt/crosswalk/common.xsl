<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe crosswalks: functions shared by the teiHeader -> metadata stylesheets
  (oai_dc.xsl, datacite.xsl, schema-org.xsl).

  Input : any node of a TEI P5 document written by teiscribe (TEI Guidelines,
          chapter HD: the teiHeader). Every function reads the header of root($doc).
  Output: strings and TEI elements; nothing is invented: an absent value gives
          the empty sequence.

  Namespace cw (urn:x-teiscribe:crosswalk) keeps these names apart from the
  HTML stylesheet's ts: functions, so schema-org.xsl (which includes this
  module) can itself be included by xslt/html/html.xsl. This module declares no
  template rules, keys, modes or global parameters.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:cw="urn:x-teiscribe:crosswalk"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- idno/@type values (lower case) that name a persistent, resolvable identifier. -->
  <xsl:variable name="cw:pid-types" as="xs:string+" select="('doi', 'uri', 'url', 'handle', 'ark', 'urn')"/>

  <!-- The teiHeader of the document containing $doc. -->
  <xsl:function name="cw:header" as="element(teiHeader)?">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="(root($doc)/TEI/teiHeader, root($doc)/teiHeader)[1]"/>
  </xsl:function>

  <!-- Main title: titleStmt/title[@type='main'], else the first title. -->
  <xsl:function name="cw:title" as="xs:string?">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="titles" select="cw:header($doc)/fileDesc/titleStmt/title[normalize-space()]"/>
    <xsl:sequence select="($titles[@type = 'main'], $titles)[1] ! normalize-space()"/>
  </xsl:function>

  <!-- Titles other than the main one. -->
  <xsl:function name="cw:other-titles" as="element(title)*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="titles" select="cw:header($doc)/fileDesc/titleStmt/title[normalize-space()]"/>
    <xsl:sequence select="$titles except ($titles[@type = 'main'], $titles)[1]"/>
  </xsl:function>

  <!-- The publisher (publicationStmt/publisher), when not empty. -->
  <xsl:function name="cw:publisher" as="xs:string?">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="(cw:header($doc)/fileDesc/publicationStmt/publisher[normalize-space()])[1] ! normalize-space()"/>
  </xsl:function>

  <!-- Persistent identifiers of this edition: publicationStmt/idno of a PID type, DOIs first. -->
  <xsl:function name="cw:pids" as="element(idno)*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="all" select="cw:header($doc)/fileDesc/publicationStmt/idno[normalize-space()]"/>
    <xsl:sequence select="$all[lower-case(@type) = 'doi'], $all[lower-case(@type) = $cw:pid-types[. ne 'doi']]"/>
  </xsl:function>

  <!-- A DOI as a resolvable https URI ("10.1234/x" -> "https://doi.org/10.1234/x"). -->
  <xsl:function name="cw:doi-uri" as="xs:string">
    <xsl:param name="doi" as="xs:string"/>
    <xsl:sequence select="'https://doi.org/' || replace(normalize-space($doi), '^(https?://(dx\.)?doi\.org/|doi:)', '', 'i')"/>
  </xsl:function>

  <!-- The edition's preferred URL: its DOI resolver URI, else its URI idno. -->
  <xsl:function name="cw:url" as="xs:string?">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="pid" select="cw:pids($doc)[1]"/>
    <xsl:sequence select="if (lower-case($pid/@type) = 'doi') then cw:doi-uri($pid) else $pid ! normalize-space()"/>
  </xsl:function>

  <!-- The licence: availability/licence elements with a target or text. -->
  <xsl:function name="cw:licences" as="element(licence)*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="cw:header($doc)/fileDesc/publicationStmt/availability/licence[@target or normalize-space()]"/>
  </xsl:function>

  <!-- SPDX identifier of a Creative Commons licence URI, else (). -->
  <xsl:function name="cw:spdx" as="xs:string?">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:variable name="u" select="lower-case(normalize-space($uri))"/>
    <xsl:sequence select="
        if (matches($u, '^https?://creativecommons\.org/licenses/(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)/[0-9]\.[0-9]/?$'))
        then 'CC-' || upper-case(replace($u, '^.*/licenses/([a-z-]+)/([0-9.]+)/?$', '$1-$2'))
        else if (matches($u, '^https?://creativecommons\.org/publicdomain/zero/1\.0/?$')) then 'CC0-1.0'
        else ()"/>
  </xsl:function>

  <!-- Statements of responsibility naming a person or organisation (teiscribe's own,
       respStmt xml:id="teiscribe", names software and is left out). -->
  <xsl:function name="cw:resp-stmts" as="element(respStmt)*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="cw:header($doc)/fileDesc/titleStmt/respStmt[not(@xml:id = 'teiscribe')]
        [(persName, orgName, name)[normalize-space()]]"/>
  </xsl:function>

  <!-- Names in a statement of responsibility (persName, orgName, name). -->
  <xsl:function name="cw:names" as="element()*">
    <xsl:param name="stmts" as="element()*"/>
    <xsl:sequence select="$stmts/(persName, orgName, name)[normalize-space()]"/>
  </xsl:function>

  <!-- Creators: titleStmt/author and editor; else the names of cw:resp-stmts. -->
  <xsl:function name="cw:creators" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="named" select="cw:header($doc)/fileDesc/titleStmt/(author, editor)[normalize-space()]"/>
    <xsl:sequence select="if ($named) then $named else cw:names(cw:resp-stmts($doc))"/>
  </xsl:function>

  <!-- A name as a string; a persName with surname and forename as "Surname, Forename". -->
  <xsl:function name="cw:name" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="p" select="($name/descendant-or-self::persName)[1]"/>
    <xsl:sequence select="if ($p/surname and $p/forename)
        then normalize-space(string-join($p/surname, ' ')) || ', ' || normalize-space(string-join($p/forename, ' '))
        else normalize-space($name)"/>
  </xsl:function>

  <!-- "Personal", "Organizational" or () for a name element (or author/editor wrapping one). -->
  <xsl:function name="cw:name-type" as="xs:string?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if ($name/descendant-or-self::persName) then 'Personal'
        else if ($name/descendant-or-self::orgName) then 'Organizational' else ()"/>
  </xsl:function>

  <!-- The role a statement of responsibility describes, from its resp text. -->
  <xsl:function name="cw:role" as="xs:string">
    <xsl:param name="stmt" as="element()"/>
    <xsl:variable name="resp" select="lower-case(string-join($stmt/resp, ' '))"/>
    <xsl:sequence select="if (contains($resp, 'translat')) then 'Translator'
        else if (contains($resp, 'edit')) then 'Editor'
        else if (contains($resp, 'transcri')) then 'DataCollector' else 'Other'"/>
  </xsl:function>

  <!-- Date of the record: profileDesc/creation/date as @when, or @from/@to (ISO 8601). -->
  <xsl:function name="cw:date" as="xs:string?">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="d" select="(cw:header($doc)/profileDesc/creation/date)[1]"/>
    <xsl:sequence select="if ($d/@when) then string($d/@when)
        else if ($d/@from and $d/@to) then $d/@from || '/' || $d/@to else ()"/>
  </xsl:function>

  <!-- Publication date of this edition: publicationStmt/date/@when, if any. -->
  <xsl:function name="cw:issued" as="xs:string?">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="(cw:header($doc)/fileDesc/publicationStmt/date/@when)[1] ! string()"/>
  </xsl:function>

  <!-- Languages used (langUsage/language/@ident, BCP 47), document order. -->
  <xsl:function name="cw:languages" as="xs:string*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="distinct-values(cw:header($doc)/profileDesc/langUsage/language/@ident[normalize-space()])"/>
  </xsl:function>

  <!-- Main language: TEI/@xml:lang, else the first langUsage language. -->
  <xsl:function name="cw:language" as="xs:string?">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="(root($doc)/TEI/@xml:lang[normalize-space()] ! string(), cw:languages($doc))[1]"/>
  </xsl:function>

  <!-- The abstract as one string per abstract (its paragraphs joined by a space). -->
  <xsl:function name="cw:abstracts" as="xs:string*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="cw:header($doc)/profileDesc/abstract[normalize-space()] ! (if (p) then normalize-space(string-join(p, ' ')) else normalize-space())"/>
  </xsl:function>

  <!-- Source descriptions: each sourceDesc bibl, biblStruct, biblFull or p as one line of
       text; in a bibl the text of idno and textLang is left out (it repeats the ref and
       the language named in the citation). -->
  <xsl:function name="cw:sources" as="xs:string*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="cw:header($doc)/fileDesc/sourceDesc/(bibl, biblStruct, biblFull, p)[normalize-space()]
        ! normalize-space(if (self::bibl) then string-join(.//text()[not(ancestor::idno or ancestor::textLang)], '') else string(.))"/>
  </xsl:function>

  <!-- The source's own URL: sourceDesc bibl idno[@type='URI'] (first). -->
  <xsl:function name="cw:source-url" as="xs:string?">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="(cw:header($doc)/fileDesc/sourceDesc//idno[lower-case(@type) = ('uri', 'url')][normalize-space()])[1] ! normalize-space()"/>
  </xsl:function>

  <!-- Keywords: textClass/keywords/term. -->
  <xsl:function name="cw:keywords" as="xs:string*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="cw:header($doc)/profileDesc/textClass/keywords//term[normalize-space()] ! normalize-space()"/>
  </xsl:function>
</xsl:stylesheet>
