<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe: TEI -> HTML for WeasyPrint (CSS paged media).

  Imports the reading-edition stylesheet and overrides only what print needs:
    - front matter: a title page (title, date, place, participants,
      translator) and, overleaf, "About this edition" (summary, source,
      archival reference, language, editorial conventions, "Cite this",
      publisher, licence, encoding), then the record on a right-hand page
      (no screen header, footer or endnote list);
    - the end of the record kept together: the closer, and any stage
      directions between the last turn and it, are marked
      class="keep-with-previous" so the last turn never ends a page alone
      before them;
    - notes as CSS footnotes: the note text is placed at the call as
      <span class="footnote" data-n="N">, floated to the page foot by print.css;
    - turn numbers instead of "¶" links;
    - the page size ($page-size: 'A5' or 'A4') as an @page rule.
  The running head is the h1's data-short-title, ts:short-title() (string-set
  in print.css): one line on A5.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="../html/html.xsl"/>

  <!-- Page size: 'A5' (default) or 'A4'. -->
  <xsl:param name="page-size" as="xs:string" select="'A5'"/>
  <!-- Href of the (self-contained) paged-media stylesheet; overrides html.xsl's. -->
  <xsl:param name="css-href" as="xs:string" select="'print.css'"/>

  <xsl:template name="html-head">
    <xsl:if test="not(upper-case($page-size) = ('A4', 'A5'))">
      <xsl:message terminate="yes" error-code="ts:page-size">page-size must be A4 or A5, not '<xsl:value-of select="$page-size"/>'</xsl:message>
    </xsl:if>
    <meta charset="utf-8"/>
    <title><xsl:value-of select="ts:title(.)"/></title>
    <xsl:call-template name="meta-tags"/>
    <link rel="stylesheet" href="{$css-href}"/>
    <style>@page { size: <xsl:value-of select="upper-case($page-size)"/>; }</style>
  </xsl:template>

  <xsl:template name="html-body">
    <section class="title-page">
      <h1 class="title" data-short-title="{ts:short-title(.)}"><xsl:value-of select="ts:title(.)"/></h1>
      <dl class="meta title-meta">
        <xsl:call-template name="meta-rows-people"/>
      </dl>
    </section>
    <section class="about" aria-labelledby="about-heading">
      <h2 id="about-heading">About this edition</h2>
      <dl class="meta">
        <xsl:call-template name="meta-rows-source"/>
      </dl>
      <section class="conventions">
        <h3>Editorial conventions</h3>
        <xsl:call-template name="conventions-list"/>
      </section>
      <p class="cite"><strong>Cite this: </strong><xsl:call-template name="cite-this"/></p>
      <xsl:call-template name="imprint"/>
    </section>
    <main id="record">
      <xsl:apply-templates select="/TEI/text"/>
    </main>
  </xsl:template>

  <!-- Publisher, licence and encoding; nothing is printed for an empty field. -->
  <xsl:template name="imprint">
    <xsl:variable name="licence" as="node()*"><xsl:call-template name="licence"/></xsl:variable>
    <xsl:variable name="publisher"
        select="string-join(($ts:hdr/fileDesc/publicationStmt/publisher ! normalize-space(.))[.], ', ')"/>
    <xsl:if test="$publisher">
      <p class="publisher">Published by <xsl:value-of select="ts:sentence($publisher)"/></p>
    </xsl:if>
    <xsl:if test="normalize-space(string-join($licence ! string(.)))">
      <p class="licence"><xsl:sequence select="$licence"/></p>
    </xsl:if>
    <p class="encoding">
      <xsl:text>Encoded in TEI P5</xsl:text>
      <xsl:value-of select="$ts:hdr/encodingDesc/appInfo/application[1] ! (' by ' || normalize-space(label) || ' ' || @version)"/>
      <xsl:text>.</xsl:text>
    </p>
  </xsl:template>

  <!-- The end of the record: keep the closer (and stage directions just before
       it) on the page of the last turn. -->
  <xsl:template match="closer">
    <p class="closer keep-with-previous"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="stage[following-sibling::*[not(self::stage)][1][self::closer]]" priority="4">
    <p class="{ts:stage-class(.)} keep-with-previous"><xsl:call-template name="stage-content"/></p>
  </xsl:template>

  <!-- The note text goes where the call is; WeasyPrint floats it to the page foot. -->
  <xsl:template match="note">
    <span class="footnote" data-n="{ts:note-label(.)}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Blocks are not allowed inside the footnote span. -->
  <xsl:template match="note//p">
    <span class="note-p"><xsl:apply-templates/></span>
    <xsl:if test="following-sibling::p"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template name="turn-link">
    <xsl:param name="n" as="xs:string"/>
    <xsl:text> </xsl:text>
    <span class="turn-number" title="sp-{$n}"><xsl:value-of select="$n"/></span>
  </xsl:template>

</xsl:stylesheet>
