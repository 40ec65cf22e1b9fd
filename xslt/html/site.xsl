<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe: the site pages of the HTML edition (driver).

  Input : the site collection written by teiscribe.site.collection():
            <s:site xmlns:s="urn:x-teiscribe:site">
              <s:doc id="ID" href="ID.html" tei="../ID.xml" pdf="../pdf/ID.pdf"?>
                <TEI xmlns="http://www.tei-c.org/ns/1.0">...</TEI>
              </s:doc> ...
            </s:site>
          (@tei and @pdf are the download hrefs, '' or absent = none).
  Output: the page named by $page:
    'index'    index.html: every document (title, date, participants,
               summary, number of turns, downloads), oldest first
    'persons'  persons.html (persons.xsl): every participant with links to
               each of their turns across the documents
    'search'   search.html: the search form; edition.js searches the index
               written by search-index.xsl (search-index.js)
  An unknown $page is a dynamic error (ts:page).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xmlns:s="urn:x-teiscribe:site"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:include href="common.xsl"/>
  <xsl:include href="chrome.xsl"/>
  <xsl:include href="collection.xsl"/>
  <xsl:include href="persons.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- Which page: 'index', 'persons' or 'search'. -->
  <xsl:param name="page" as="xs:string" select="'index'"/>
  <!-- Href of the prebuilt search index script (search page only). -->
  <xsl:param name="index-href" as="xs:string" select="'search-index.js'"/>

  <xsl:template match="/">
    <xsl:if test="not($page = ('index', 'persons', 'search'))">
      <xsl:message terminate="yes" error-code="ts:page">page must be index, persons or search, not '<xsl:value-of select="$page"/>'</xsl:message>
    </xsl:if>
    <xsl:variable name="heading" select="map {'index': 'Documents', 'persons': 'Persons', 'search': 'Search'}($page)"/>
    <html lang="{$ts:lang}">
      <xsl:text>&#10;</xsl:text>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$heading || ' · ' || $site-title"/></title>
        <meta name="generator" content="teiscribe"/>
        <xsl:if test="$page = 'search'">
          <script src="{$index-href}" defer=""></script>
        </xsl:if>
        <xsl:call-template name="head-assets"/>
      </head>
      <xsl:text>&#10;</xsl:text>
      <body class="site-page page-{$page}">
        <a class="skip-link" href="#main">Skip to the content</a>
        <xsl:call-template name="site-header"><xsl:with-param name="current" select="$page"/></xsl:call-template>
        <main id="main">
          <h1><xsl:value-of select="$heading"/></h1>
          <xsl:choose>
            <xsl:when test="$page = 'index'"><xsl:call-template name="index-page"/></xsl:when>
            <xsl:when test="$page = 'persons'"><xsl:call-template name="persons-page"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="search-page"/></xsl:otherwise>
          </xsl:choose>
        </main>
        <footer class="edition-footer"><xsl:call-template name="generator-line"/></footer>
      </body>
      <xsl:text>&#10;</xsl:text>
    </html>
  </xsl:template>

  <!-- ===== index.html ===== -->

  <xsl:template name="index-page">
    <p class="lede">
      <xsl:value-of select="count($ts:docs) || (if (count($ts:docs) = 1) then ' document' else ' documents')"/>
      <xsl:text>, each with its metadata, the text turn by turn and its notes; TEI P5 XML and PDF to download.</xsl:text>
    </p>
    <ol class="doc-list">
      <xsl:for-each select="$ts:docs">
        <li class="doc-card"><xsl:call-template name="doc-card"/></li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <!-- One document in the list; context: s:doc. -->
  <xsl:template name="doc-card">
    <xsl:variable name="hdr" select="TEI/teiHeader"/>
    <xsl:variable name="date" select="($hdr/profileDesc/creation/date, $hdr/fileDesc/sourceDesc/bibl/date)[1]"/>
    <xsl:variable name="persons" select="$hdr/profileDesc/particDesc//person"/>
    <h2 class="doc-title"><a href="{@href}"><xsl:value-of select="ts:title(TEI)"/></a></h2>
    <dl class="doc-facts">
      <xsl:if test="$date">
        <dt>Date</dt>
        <dd><time datetime="{$date/@when}"><xsl:value-of select="normalize-space($date)"/></time></dd>
      </xsl:if>
      <xsl:if test="$persons">
        <dt>Participants</dt>
        <dd>
          <xsl:for-each select="$persons">
            <xsl:choose>
              <xsl:when test="@xml:id"><a href="persons.html#person-{@xml:id}"><xsl:value-of select="ts:person-name(.)"/></a></xsl:when>
              <xsl:otherwise><xsl:value-of select="ts:person-name(.)"/></xsl:otherwise>
            </xsl:choose>
            <xsl:if test="position() != last()">, </xsl:if>
          </xsl:for-each>
        </dd>
      </xsl:if>
      <dt>Turns</dt>
      <dd><xsl:value-of select="count(TEI/text//sp)"/></dd>
    </dl>
    <xsl:for-each select="$hdr/profileDesc/abstract[normalize-space()]">
      <p class="summary"><xsl:value-of select="normalize-space(.)"/></p>
    </xsl:for-each>
    <p class="doc-links">
      <a href="{@href}">Read<span class="visually-hidden">: <xsl:value-of select="ts:title(TEI)"/></span></a>
      <xsl:if test="normalize-space(@tei)">
        <xsl:text> </xsl:text>
        <a href="{@tei}" type="application/tei+xml" download="">TEI XML<span class="visually-hidden"> of <xsl:value-of select="@id"/></span></a>
      </xsl:if>
      <xsl:if test="normalize-space(@pdf)">
        <xsl:text> </xsl:text>
        <a href="{@pdf}" type="application/pdf">PDF<span class="visually-hidden"> of <xsl:value-of select="@id"/></span></a>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- ===== search.html ===== -->

  <xsl:template name="search-page">
    <form id="search-form" class="search-form" role="search" action="search.html" method="get">
      <label for="q">Find words in the text of every document</label>
      <span class="search-row">
        <input type="search" id="q" name="q" autocomplete="off" spellcheck="false"/>
        <button type="submit">Search</button>
      </span>
    </form>
    <p class="search-help">Every word must occur in the turn or note; the last word also finds
      longer words that begin with it (<i>nav</i> finds <i>navy</i>). Accents and capitals do not matter.</p>
    <noscript>
      <p class="no-script">The search runs in your browser and needs JavaScript. Without it, read the
        <a href="index.html">list of documents</a> or the <a href="persons.html">persons</a> page.</p>
    </noscript>
    <div id="search-status" class="search-status" role="status" aria-live="polite"></div>
    <div id="search-results" class="search-results"></div>
  </xsl:template>

</xsl:stylesheet>
