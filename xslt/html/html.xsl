<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe: TEI P5 record of conversation -> HTML5 reading edition (driver).

  Input : one TEI document shaped like tests/data/sample.xml.
  Output: one HTML5 page: the site banner (when $site), <main> with the
          document header (metadata, "Cite this", downloads), the view
          switch, the record, the note popovers and the list of notes, and a
          footer (publisher, licence); schema.org JSON-LD in the head.

  Per-concern modules:
    common.xsl   shared functions (titles, turn anchors, note numbering)
    chrome.xsl   parameters and parts shared with the site pages
    header.xsl   metadata block, downloads, conventions, footer
    cite.xsl     "Cite this"
    turns.xsl    div/head/dateline/p/sp/speaker/stage/closer
    phrases.xsl  foreign/supplied/expan/sic/choice/gap/seg/hi/persName/pb/...
    notes.xsl    note calls, note popovers, the list of notes
    ../crosswalk/schema-org.xsl   the JSON-LD description (cw:json-ld-script)

  Text is never dropped: the unnamed mode copies text of unmatched elements
  (on-no-match="text-only-copy") and mixed content is never normalised.
  print/print.xsl imports this module and overrides the named templates.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xmlns:cw="urn:x-teiscribe:crosswalk"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:include href="common.xsl"/>
  <xsl:include href="chrome.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="cite.xsl"/>
  <xsl:include href="turns.xsl"/>
  <xsl:include href="phrases.xsl"/>
  <xsl:include href="notes.xsl"/>
  <!-- The JSON-LD module is maintained with the deposit crosswalks (cw: names only). -->
  <xsl:include href="../crosswalk/schema-org.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
      include-content-type="no"/>

  <xsl:mode on-no-match="text-only-copy" warning-on-no-match="no"/>

  <!-- Relative href of the TEI XML download ('' = no link). -->
  <xsl:param name="tei-href" as="xs:string" select="''"/>
  <!-- Relative href of the PDF download ('' = no link). -->
  <xsl:param name="pdf-href" as="xs:string" select="''"/>

  <!-- ===== page skeleton ===== -->

  <xsl:template match="/">
    <html lang="{(TEI/@xml:lang, 'en')[1]}">
      <xsl:text>&#10;</xsl:text>
      <head>
        <xsl:call-template name="html-head"/>
      </head>
      <xsl:text>&#10;</xsl:text>
      <body>
        <xsl:call-template name="html-body"/>
      </body>
      <xsl:text>&#10;</xsl:text>
    </html>
  </xsl:template>

  <xsl:template name="html-head">
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title><xsl:value-of select="string-join((ts:title(.), $site-title[$site]), ' · ')"/></title>
    <xsl:call-template name="meta-tags"/>
    <xsl:call-template name="head-assets"/>
    <xsl:call-template name="cw:json-ld-script"/>
  </xsl:template>

  <xsl:template name="html-body">
    <a class="skip-link" href="#record">Skip to the text</a>
    <xsl:call-template name="site-header"/>
    <xsl:text>&#10;</xsl:text>
    <main id="main">
      <header class="doc-header">
        <xsl:call-template name="header-block"/>
      </header>
      <xsl:text>&#10;</xsl:text>
      <div class="record-tools">
        <xsl:call-template name="view-switch"/>
      </div>
      <div class="record" id="record">
        <xsl:apply-templates select="/TEI/text"/>
      </div>
      <xsl:call-template name="endnotes"/>
      <xsl:call-template name="note-popovers"/>
    </main>
    <xsl:text>&#10;</xsl:text>
    <footer class="edition-footer">
      <xsl:call-template name="footer-block"/>
    </footer>
  </xsl:template>

</xsl:stylesheet>
